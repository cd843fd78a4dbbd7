# ruff: noqa: E501 -- bilingual ladder text, one string per line
"""Demo certification ladder (bilingual, zh first): the certificate design, the four levels
with their requirements, the rubric trainer candidates are observed with, face-to-face
training sessions in the demo county, and who stands where on the ladder.

Levels are found again by their slug, sessions by their title and region, so running the
demo twice adds nothing. People are named by their demo phone number: 138… are the demo
accounts, 139000000NN the NNth learner of the demo cohort (cms/demo/regions.py)."""

CERTIFICATE_DESIGN = {
    "programme_name": "陪伴妈妈学堂",
    "programme_name_en": "Companion Academy",
    "signatory_name": "刘建国",
    "signatory_title": "项目主任",
}

# The same three-step scale as the practical-task rubrics, so an observer learns one scale.
_NEEDS_WORK = {"zh": "需要改进", "en": "Needs work"}
_MEETS = {"zh": "基本达到", "en": "Meets the standard"}
_STRONG = {"zh": "做得很好", "en": "Does it well"}

OBSERVATION_RUBRIC_SLUG = "co-facilitation"
OBSERVATION_RUBRIC = {
    "title": {"zh": "带课观察评分", "en": "Co-facilitation observation rubric"},
    # Three criteria of 0/2/3 points: "meets the standard" on all three (6 of 9) passes.
    "pass_points": 6,
    "criteria": [
        {
            "title": {
                "zh": "讲得清楚，妈妈们听得懂",
                "en": "Explains clearly, in the mothers' words",
            },
            "description": {
                "zh": "用村里的例子讲，不念稿子；讲完会问一问大家听懂了没有。",
                "en": "Uses examples from village life instead of reading from notes, and checks that everyone has understood.",
            },
            "levels": [
                (
                    _NEEDS_WORK,
                    {
                        "zh": "照着稿子念，用了很多妈妈们听不懂的词。",
                        "en": "Reads from notes and uses many words the mothers do not know.",
                    },
                    0,
                ),
                (
                    _MEETS,
                    {
                        "zh": "大部分内容讲清楚了，有一两个村里的例子。",
                        "en": "Most of it is clear, with one or two examples from the village.",
                    },
                    2,
                ),
                (
                    _STRONG,
                    {
                        "zh": "每一点都有例子，妈妈们能用自己的话再说一遍。",
                        "en": "Every point has an example, and the mothers can say it again in their own words.",
                    },
                    3,
                ),
            ],
        },
        {
            "title": {"zh": "让每位妈妈都参与", "en": "Gets every mother taking part"},
            "description": {
                "zh": "安排分组练习和角色扮演，照顾到不爱说话的妈妈。",
                "en": "Runs group practice and role play, and draws in the quieter mothers.",
            },
            "levels": [
                (
                    _NEEDS_WORK,
                    {
                        "zh": "一直是自己在讲，没有练习。",
                        "en": "Talks the whole time, with no practice.",
                    },
                    0,
                ),
                (
                    _MEETS,
                    {
                        "zh": "有一次分组练习，大部分妈妈都开了口。",
                        "en": "There is one group exercise, and most mothers speak.",
                    },
                    2,
                ),
                (
                    _STRONG,
                    {
                        "zh": "每个人都练到了，还请有经验的妈妈分享自己的做法。",
                        "en": "Everyone practises, and experienced mothers are invited to share what they do.",
                    },
                    3,
                ),
            ],
        },
        {
            "title": {"zh": "给反馈、守时间", "en": "Gives feedback and keeps to time"},
            "description": {
                "zh": "练习后给具体、鼓励的反馈，按时开始、按时结束。",
                "en": "Gives specific, encouraging feedback after practice, and starts and ends on time.",
            },
            "levels": [
                (
                    _NEEDS_WORK,
                    {
                        "zh": "没有反馈，或者超时很多。",
                        "en": "No feedback, or the session runs far over time.",
                    },
                    0,
                ),
                (
                    _MEETS,
                    {
                        "zh": "给了反馈，时间基本按计划。",
                        "en": "Feedback is given and timing broadly follows the plan.",
                    },
                    2,
                ),
                (
                    _STRONG,
                    {
                        "zh": "反馈具体、先说做得好的地方，时间安排得很好。",
                        "en": "Feedback is specific and starts with what went well; the timing is well managed.",
                    },
                    3,
                ),
            ],
        },
    ],
}

# The ladder, in order. Requirements name catalogue courses, quizzes and tasks by their demo
# slug. The quiz 日常开放小测验 and the task 为儿童之家设计一次活动 are deliberately not
# requirements of their own: the demo learner 王小梅 takes them for the first time in the
# browser test (passing that quiz is still needed to complete the first course).
LEVELS = [
    {
        "slug": "primary",
        "order": 1,
        "name": {"zh": "初级陪伴妈妈", "en": "Primary companion mother"},
        "description": {
            "zh": "能按时开放儿童之家、做好家访和记录的陪伴妈妈。",
            "en": "A companion mother who opens the Children's Home reliably and makes and records home visits well.",
        },
        "prerequisite": None,
        "validity_months": None,
        "issuance": "automatic",
        "grants_mentoring": False,
        "requirements": [
            {"kind": "course", "course": "running-a-childrens-home"},
            {"kind": "course", "course": "home-visits-and-child-files"},
            {"kind": "quiz", "quiz": "visiting-homes-quiz"},
            {"kind": "task", "task": "home-visit-reflection"},
            {"kind": "sessions", "count": 1},
            {"kind": "contacts", "count": 2},
            {"kind": "sign_off"},
        ],
    },
    {
        "slug": "intermediate",
        "order": 2,
        "name": {"zh": "中级陪伴妈妈", "en": "Intermediate companion mother"},
        "description": {
            "zh": "懂得儿童保护的法律和报告责任，能支持孩子的情感需要。",
            "en": "Knows the child-protection law and the duty to report, and supports children's emotional needs.",
        },
        "prerequisite": "primary",
        "validity_months": None,
        "issuance": "approval",
        "grants_mentoring": False,
        "requirements": [
            {"kind": "prerequisite"},
            {"kind": "course", "course": "child-safety-and-the-law"},
            {"kind": "course", "course": "parents-far-away-and-feelings"},
            {"kind": "sessions", "count": 1},
            {"kind": "sign_off"},
        ],
    },
    {
        "slug": "advanced",
        "order": 3,
        "name": {"zh": "高级陪伴妈妈", "en": "Advanced companion mother"},
        "description": {
            "zh": "能设计和带领儿童活动，开始带教新妈妈。",
            "en": "Designs and leads children's activities, and begins to mentor new mothers.",
        },
        "prerequisite": "intermediate",
        "validity_months": 36,
        "issuance": "automatic",
        "grants_mentoring": False,
        "requirements": [
            {"kind": "prerequisite"},
            {"kind": "course", "course": "designing-activities"},
            {"kind": "course", "course": "training-and-mentoring"},
            {"kind": "sign_off"},
        ],
    },
    {
        "slug": "trainer",
        "order": 4,
        "name": {"zh": "培训师", "en": "Trainer"},
        "description": {
            "zh": "能上面授培训课、带教新妈妈的培训师。",
            "en": "A trainer who runs face-to-face training and mentors new mothers.",
        },
        "prerequisite": "advanced",
        "validity_months": 24,
        "issuance": "approval",
        "grants_mentoring": True,
        "requirements": [
            {"kind": "prerequisite"},
            {"kind": "co_facilitate", "count": 1, "rubric": OBSERVATION_RUBRIC_SLUG},
            {"kind": "sign_off"},
        ],
    },
]

# The demo mentors hold the whole ladder (the trainer certificate is what lets them mentor):
# phone -> (months, days) before today that each level was issued, in ladder order.
# 吴春兰's trainer certificate runs out in about three weeks (the expiry reminder).
MENTOR_CERTIFICATES = {
    "13800000002": [(54, 0), (44, 0), (30, 0), (18, 0)],
    "13800000005": [(40, 0), (34, 0), (26, 0), (12, 0)],
    "13800000006": [(46, 0), (38, 0), (32, 0), (23, 10)],
}

# A learner of the demo cohort who has met every primary requirement but her mentor's
# sign-off: the mentor signs her off in the browser test.
READY_LEARNER = {
    "phone": "13800000007",
    "name": "李春燕",
    "region": "gz-qxg-hongshan-xiaoba",
    "mentor": "13800000002",
    "assigned_days_ago": 60,
    "quiz_days_ago": 16,
    "task_days_ago": 14,
    "task_text": "这次家访想了解小A放学后谁照顾他、有没有地方写作业。去之前和奶奶约好了星期六上午，带了家访记录表和一本图画书。\n"
    "看到的：家里只有奶奶和小A，奶奶腿不好；小A在饭桌上写作业，灯比较暗。小A说想爸爸妈妈，每个月和他们视频一次。\n"
    "需要：一个亮一点的写作业的地方；奶奶需要有人帮忙接送。\n"
    "下一步：请小A放学后先到儿童之家写作业，和村委会商量换一个台灯；两周后再去一次。\n"
    "做得好的：提前约了时间，奶奶很愿意聊。下次想改进：多留一点时间单独和小A说话。",
}

# Coaching contacts the ladder needs beyond those in seed_mentoring: (phone, days ago, mode,
# minutes). Each learner's mentor records them.
LADDER_CONTACTS = [
    ("13800000007", 48, "home_visit", 50),
    ("13800000007", 19, "phone_call", 20),
    ("13900000002", 33, "home_visit", 40),
    ("13900000002", 15, "message", 10),
    ("13900000004", 16, "phone_call", 15),
]

# Cohort learners who already earned the primary certificate (so the intermediate courses are
# open to them): they passed the home-visit reflection, came to the past primary session and
# were signed off by their mentor. phone -> days ago the certificate was issued.
PRIMARY_HOLDERS = {"13900000002": 8, "13900000004": 7}
# And one of them has since done all the intermediate work and was signed off: she waits in
# the staff approval queue. (phone, days ago she was signed off)
AWAITING_APPROVAL = ("13900000002", 2)

SIGN_OFF_COMMENTS = {
    "primary": "家访记录写得清楚，儿童之家每天按时开门，孩子们都愿意来。可以拿初级证书了。",
    "intermediate": "她已经能讲清楚报告责任，上个月主动帮一个想妈妈的孩子和家里视频。",
}

REFLECTION_TEXTS = {
    "13900000002": "家访小B家。奶奶说小B晚上常哭。看到的：家里干净，小B有自己的床。下一步：每周给爸妈打一次视频电话，一周后再去。",
    "13900000004": "家访小C家。小C一个人在家，爷爷在地里。下一步：和爷爷约好放学后先来儿童之家，告诉了儿童主任。",
}

# Face-to-face sessions in the demo county (毕节市七星关区), led by 张丽华. `days` from today
# (negative: it took place), starting at 09:30 and lasting `hours`. `booked` get a seat in
# order and the rest of the list the waiting list; in a past session `present` were there.
SESSIONS = [
    {
        "title": "初级面授培训：家访演练",
        "level": "primary",
        "days": -12,
        "hours": 6,
        "capacity": 20,
        "venue": "七星关区妇联二楼培训室",
        "notes": "带上家访记录表和笔。中午有盒饭。",
        "booked": ["13800000007", "13900000002", "13900000003", "13900000004", "13900000010"],
        "present": ["13800000007", "13900000002", "13900000003", "13900000004"],
    },
    {
        "title": "中级面授培训：报告责任和求助",
        "level": "intermediate",
        "days": -5,
        "hours": 6,
        "capacity": 15,
        "venue": "七星关区妇联二楼培训室",
        "notes": "请先学完“认识未成年人保护法”一课。",
        "booked": ["13900000002", "13900000004"],
        "present": ["13900000002", "13900000004"],
    },
    {
        "title": "初级面授培训：儿童之家的一天（撒拉溪小班）",
        "level": "primary",
        "days": 7,
        "hours": 5,
        "capacity": 3,
        "venue": "撒拉溪镇文化站",
        "notes": "小班，只有三个座位。带上你们儿童之家的签到本。",
        "booked": [
            "13900000005",
            "13900000006",
            "13900000007",
            "13900000008",
            "13900000009",
        ],
    },
    {
        "title": "初级面授培训：儿童之家的一天",
        "level": "primary",
        "days": 14,
        "hours": 6,
        "capacity": 20,
        "venue": "七星关区妇联二楼培训室",
        "notes": "带上你们儿童之家的签到本和一周活动安排。中午有盒饭。",
        "booked": ["13900000011", "13900000012"],
    },
    {
        "title": "中级面授培训：读懂孩子的心",
        "level": "intermediate",
        "days": 21,
        "hours": 6,
        "capacity": 15,
        "venue": "七星关区妇联二楼培训室",
        "notes": "请先学完“学会倾听”一课。",
        "booked": ["13900000004"],
    },
]
SESSION_FACILITATOR = "13800000002"
