"""Demo regions from the field reports: (code, Chinese name, English name, kind, children)."""

REGIONS = [
    (
        "gz",
        "贵州省",
        "Guizhou",
        "province",
        [
            (
                "gz-qxg",
                "毕节市七星关区",
                "Qixingguan District, Bijie",
                "county",
                [
                    (
                        "gz-qxg-hongshan",
                        "洪山街道",
                        "Hongshan Subdistrict",
                        "township",
                        [
                            (
                                "gz-qxg-hongshan-zhoujiaqiao",
                                "周家桥社区",
                                "Zhoujiaqiao Community",
                                "village",
                                [],
                            ),
                            ("gz-qxg-hongshan-xiaoba", "小坝村", "Xiaoba Village", "village", []),
                        ],
                    ),
                    (
                        "gz-qxg-salaxi",
                        "撒拉溪镇",
                        "Salaxi Town",
                        "township",
                        [
                            (
                                "gz-qxg-salaxi-reshuitian",
                                "热水田村",
                                "Reshuitian Village",
                                "village",
                                [],
                            ),
                            ("gz-qxg-salaxi-zhaoying", "朝营村", "Zhaoying Village", "village", []),
                        ],
                    ),
                ],
            ),
            (
                "gz-dafang",
                "毕节市大方县",
                "Dafang County, Bijie",
                "county",
                [
                    (
                        "gz-dafang-huangni",
                        "黄泥塘镇",
                        "Huangnitang Town",
                        "township",
                        [
                            (
                                "gz-dafang-huangni-pingshang",
                                "坪上村",
                                "Pingshang Village",
                                "village",
                                [],
                            ),
                        ],
                    ),
                ],
            ),
        ],
    ),
    (
        "ah",
        "安徽省",
        "Anhui",
        "province",
        [
            (
                "ah-lixin",
                "亳州市利辛县",
                "Lixin County, Bozhou",
                "county",
                [
                    (
                        "ah-lixin-kantuan",
                        "阚疃镇",
                        "Kantuan Town",
                        "township",
                        [
                            (
                                "ah-lixin-kantuan-wangzhuang",
                                "王庄村",
                                "Wangzhuang Village",
                                "village",
                                [],
                            ),
                            ("ah-lixin-kantuan-liulou", "刘楼村", "Liulou Village", "village", []),
                        ],
                    ),
                ],
            ),
        ],
    ),
    (
        "jx",
        "江西省",
        "Jiangxi",
        "province",
        [
            (
                "jx-anyuan",
                "赣州市安远县",
                "Anyuan County, Ganzhou",
                "county",
                [
                    (
                        "jx-anyuan-xinshan",
                        "欣山镇",
                        "Xinshan Town",
                        "township",
                        [
                            (
                                "jx-anyuan-xinshan-zoumagang",
                                "走马岗社区",
                                "Zoumagang Community",
                                "village",
                                [],
                            ),
                            (
                                "jx-anyuan-xinshan-longquan",
                                "龙泉村",
                                "Longquan Village",
                                "village",
                                [],
                            ),
                        ],
                    ),
                ],
            ),
        ],
    ),
]

# The demo cohort's learners: (name, village code).
COHORT_LEARNERS = [
    ("李秀英", "gz-qxg-hongshan-zhoujiaqiao"),
    ("张桂芳", "gz-qxg-hongshan-zhoujiaqiao"),
    ("刘红梅", "gz-qxg-hongshan-xiaoba"),
    ("陈玉兰", "gz-qxg-hongshan-xiaoba"),
    ("杨春燕", "gz-qxg-salaxi-reshuitian"),
    ("赵丽娟", "gz-qxg-salaxi-reshuitian"),
    ("黄晓梅", "gz-qxg-salaxi-zhaoying"),
    ("周海燕", "gz-qxg-salaxi-zhaoying"),
    ("吴金凤", "gz-qxg-hongshan-zhoujiaqiao"),
    ("徐小芳", "gz-qxg-hongshan-xiaoba"),
    ("孙美玲", "gz-qxg-salaxi-reshuitian"),
    ("马翠英", "gz-qxg-salaxi-zhaoying"),
    ("朱淑珍", "gz-qxg-hongshan-zhoujiaqiao"),
    ("胡艳红", "gz-qxg-hongshan-xiaoba"),
    ("郭秀兰", "gz-qxg-salaxi-reshuitian"),
    ("何巧云", "gz-qxg-salaxi-zhaoying"),
    ("高凤英", "gz-qxg-hongshan-zhoujiaqiao"),
    ("林雪梅", "gz-qxg-hongshan-xiaoba"),
    ("罗春梅", "gz-qxg-salaxi-reshuitian"),
    ("郑玉珍", "gz-qxg-salaxi-zhaoying"),
    ("梁小红", "gz-qxg-hongshan-zhoujiaqiao"),
    ("谢丽萍", "gz-qxg-salaxi-reshuitian"),
]
