# ruff: noqa: E501 -- bilingual assessment text, one string per line
"""Demo quizzes, rubrics and practical tasks (bilingual, zh first), where they sit in the
catalogue, and the work a few cohort learners have already handed in.

Quizzes, rubrics and tasks are keyed by a slug here; in the database they are found again by
their Chinese title, so running the demo twice adds nothing."""

QUIZZES = {
    # ------------------------------------------------ primary: Running a Children's Home
    "opening-every-day-quiz": {
        "title": {"zh": "日常开放小测验", "en": "Opening Every Day: Quiz"},
        "intro": {
            "zh": "五道题，看看你是不是记住了开放时间、安全检查和一天的安排。答对四道就算通过，最多可以做三次。做完会告诉你每道题为什么这样答。",
            "en": "Five questions to check you remember the opening hours, the safety check and the daily routine. Get four right to pass; you have up to three tries. When you finish, you will see why each answer is right.",
        },
        "rules": {
            "pass_mark": 80,
            "max_attempts": 3,
            "time_limit_minutes": None,
            "shuffle_questions": False,
            "shuffle_choices": True,
            "draw_count": None,
        },
        "questions": [
            {
                "kind": "single",
                "text": {
                    "zh": "儿童之家的开放时间定下来以后，下面哪种做法最好？",
                    "en": "Once the Children's Home's opening hours are set, which of these is best?",
                },
                "choices": [
                    (
                        {
                            "zh": "时间固定不随便改，确实不能开门时，提前在门口和村微信群里通知",
                            "en": "Keep the hours fixed, and if you really cannot open, put a notice on the door and in the village WeChat group in advance",
                        },
                        True,
                    ),
                    (
                        {
                            "zh": "看自己哪天有空，有空就开门",
                            "en": "Open on whichever days you happen to be free",
                        },
                        False,
                    ),
                    (
                        {
                            "zh": "孩子们放假时就关门，反正他们在家",
                            "en": "Close during the school holidays, since the children are at home anyway",
                        },
                        False,
                    ),
                ],
                "explanation": {
                    "zh": "时间固定，孩子和家长心里才有数，孩子才会常来。寒暑假孩子在家没人管，反而可以多开一些时间。哪天有事不能开门，要提前通知。",
                    "en": "Fixed hours let children and parents know what to expect, so children keep coming. In the holidays, when nobody is watching the children at home, you can open for longer, not shorter. If you cannot open one day, tell people in advance.",
                },
            },
            {
                "kind": "multiple",
                "text": {
                    "zh": "每天开门前做安全检查，下面哪些要看一看？（可以选多个）",
                    "en": "Which of these should you look at in the safety check before you open each day? (Choose all that apply)",
                },
                "choices": [
                    (
                        {
                            "zh": "插座有没有盖好，电线有没有破皮",
                            "en": "Whether the sockets are covered and any wires are frayed",
                        },
                        True,
                    ),
                    (
                        {
                            "zh": "地面是不是湿滑，有没有碎玻璃、钉子",
                            "en": "Whether the floor is wet or slippery, or has broken glass or nails on it",
                        },
                        True,
                    ),
                    (
                        {
                            "zh": "院子附近的水缸、水沟有没有盖子或围挡",
                            "en": "Whether water tanks and ditches near the yard have lids or fences",
                        },
                        True,
                    ),
                    (
                        {
                            "zh": "每个孩子的作业是不是都写完了",
                            "en": "Whether every child has finished their homework",
                        },
                        False,
                    ),
                ],
                "explanation": {
                    "zh": "插座电线、湿滑的地面和碎玻璃、没盖的水缸水沟，都是开门前要查的危险。作业是孩子来了以后陪他们做的事，不属于安全检查。",
                    "en": "Sockets and wires, slippery floors and broken glass, and uncovered tanks and ditches are all dangers to check before you open. Homework is something you help with after the children arrive; it is not part of the safety check.",
                },
            },
            {
                "kind": "true_false",
                "text": {
                    "zh": "关门的时候，只要大部分孩子已经走了，就可以锁门离开。",
                    "en": "At closing time, once most of the children have gone, you can lock up and leave.",
                },
                "statement_is_true": False,
                "explanation": {
                    "zh": "关门前要清点人数，确认每一个孩子都由家人接走，或者结伴安全回家。小一点的孩子天黑前要送回家。孩子都走了，再检查门窗和电源，然后锁门。",
                    "en": "Before closing, count the children and make sure every single one has been collected by family or is walking home safely with others. Young children should be home before dark. Only when all have gone do you check the doors, windows and power, and lock up.",
                },
            },
            {
                "kind": "single",
                "text": {
                    "zh": "孩子们放学来到儿童之家，一般先做什么比较好？",
                    "en": "When the children arrive after school, what is usually best to do first?",
                },
                "choices": [
                    (
                        {
                            "zh": "先签到、喝点水、休息一下，然后写作业",
                            "en": "Sign in, have some water and rest a little, then do homework",
                        },
                        True,
                    ),
                    (
                        {
                            "zh": "马上到院子里玩，一直玩到天黑",
                            "en": "Go straight out to play in the yard until it gets dark",
                        },
                        False,
                    ),
                    (
                        {
                            "zh": "先坐好听你讲一个小时的课",
                            "en": "Sit still and listen to you teach for an hour",
                        },
                        False,
                    ),
                ],
                "explanation": {
                    "zh": "每天有规律，孩子更安心：签到让你知道谁来了，喝水休息后再写作业，写完作业再看书、画画、做游戏。",
                    "en": "A regular routine helps children feel secure: signing in tells you who is there, a drink and a rest come before homework, and reading, drawing and games come after it.",
                },
            },
            {
                "kind": "true_false",
                "text": {
                    "zh": "陪孩子写作业时，你不用每道题都会讲，主要是陪着、看着、鼓励他们。",
                    "en": "When children do their homework, you don't need to be able to explain every question; your job is mainly to sit with them, keep an eye on them and encourage them.",
                },
                "statement_is_true": True,
                "explanation": {
                    "zh": "说得对。你的陪伴和鼓励最重要，也可以请大一点的孩子帮小一点的孩子。遇到难题，可以请学校老师或者志愿者帮忙。",
                    "en": "That's right. Your company and encouragement matter most, and older children can help younger ones. For hard questions, you can ask a teacher or a volunteer for help.",
                },
            },
        ],
    },
    # ------------------------------------------------ primary: Home Visits and Child Files
    "visiting-homes-quiz": {
        "title": {"zh": "走进孩子的家：单元测验", "en": "Visiting Children's Homes: Module Quiz"},
        "intro": {
            "zh": "每次从题库里随机抽四道题，限时10分钟。答对三道就算通过，没通过可以再做，次数不限。",
            "en": "Each time, four questions are drawn at random from the question bank, with 10 minutes to answer. Get three right to pass; if you don't pass, you can try again as often as you like.",
        },
        "rules": {
            "pass_mark": 75,
            "max_attempts": None,
            "time_limit_minutes": 10,
            "shuffle_questions": True,
            "shuffle_choices": True,
            "draw_count": 4,
        },
        "questions": [
            {
                "kind": "single",
                "text": {
                    "zh": "准备家访时，下面哪种约时间的做法最好？",
                    "en": "When preparing a home visit, which way of arranging the time is best?",
                },
                "choices": [
                    (
                        {
                            "zh": "提前一两天和家里的大人约好，尽量选孩子也在家的时候",
                            "en": "Arrange it with the adults a day or two ahead, ideally at a time when the child is at home too",
                        },
                        True,
                    ),
                    (
                        {
                            "zh": "不打招呼直接上门，这样才能看到真实情况",
                            "en": "Turn up without warning, so you see how things really are",
                        },
                        False,
                    ),
                    (
                        {
                            "zh": "专门挑孩子在学校的时候去，免得孩子听到",
                            "en": "Go only while the child is at school, so the child does not hear",
                        },
                        False,
                    ),
                ],
                "explanation": {
                    "zh": "提前约好，家人有准备，也更愿意和你聊。孩子在家，你才能看到他、和他单独说几句话。",
                    "en": "When you arrange the visit ahead, the family is ready and more willing to talk. When the child is at home, you can see them and have a few words with them alone.",
                },
            },
            {
                "kind": "multiple",
                "text": {
                    "zh": "去家访时，应该带上哪些东西？（可以选多个）",
                    "en": "What should you take with you on a home visit? (Choose all that apply)",
                },
                "choices": [
                    (
                        {"zh": "家访记录表和笔", "en": "The home visit record sheet and a pen"},
                        True,
                    ),
                    (
                        {
                            "zh": "这个孩子的档案，只带他一个人的",
                            "en": "This child's file, and only this child's",
                        },
                        True,
                    ),
                    (
                        {
                            "zh": "一本图书或一个小玩具",
                            "en": "A picture book or a small toy",
                        },
                        True,
                    ),
                    (
                        {
                            "zh": "全村孩子的档案，方便随时对照",
                            "en": "The files of every child in the village, to compare as you go",
                        },
                        False,
                    ),
                ],
                "explanation": {
                    "zh": "记录表、这个孩子的档案和一本书或小玩具都要带上。别的孩子的档案不能带出去，以免孩子的隐私被别人看到。",
                    "en": "Take the record sheet, this child's file and a book or small toy. Never take other children's files out with you, so nobody else can see their private information.",
                },
            },
            {
                "kind": "true_false",
                "text": {
                    "zh": "一次家访待得越久越好，最好在人家家里待上大半天。",
                    "en": "The longer a home visit the better; ideally stay with the family for most of the day.",
                },
                "statement_is_true": False,
                "explanation": {
                    "zh": "一次家访一般30分钟到1个小时就够了，待太久会耽误人家干活。要去好几家，就先排好路线。",
                    "en": "A home visit usually takes 30 minutes to an hour; staying longer keeps the family from their work. If you are visiting several homes, plan your route first.",
                },
            },
            {
                "kind": "single",
                "text": {
                    "zh": "家访回来写记录，下面哪一句写得最好？",
                    "en": "Writing up a visit afterwards, which of these notes is best?",
                },
                "choices": [
                    (
                        {
                            "zh": "“孩子左手臂有一块青紫。”",
                            "en": "“The child has a bruise on the left arm.”",
                        },
                        True,
                    ),
                    ({"zh": "“孩子被打了。”", "en": "“The child has been beaten.”"}, False),
                    (
                        {
                            "zh": "“这家大人不负责任。”",
                            "en": "“The adults in this family are irresponsible.”",
                        },
                        False,
                    ),
                ],
                "explanation": {
                    "zh": "记录只写看到、听到的事实，不写猜测，也不写评价别人的话。事实写清楚了，需要报告时别人才信得过。",
                    "en": "Write only what you saw and heard: no guesses, and no judgements about people. Clear facts are what others can trust if the case ever needs to be reported.",
                },
            },
            {
                "kind": "multiple",
                "text": {
                    "zh": "家访时，下面哪些是你要留心看的？（可以选多个）",
                    "en": "On a home visit, which of these should you pay attention to? (Choose all that apply)",
                },
                "choices": [
                    (
                        {
                            "zh": "吃的够不够，住的地方有没有安全隐患",
                            "en": "Whether there is enough food and whether the home has any safety hazards",
                        },
                        True,
                    ),
                    (
                        {
                            "zh": "孩子有没有睡觉和写作业的地方",
                            "en": "Whether the child has a place to sleep and to do homework",
                        },
                        True,
                    ),
                    (
                        {
                            "zh": "孩子的衣服合不合季节，精神好不好",
                            "en": "Whether the child's clothes suit the season and whether the child seems well in themselves",
                        },
                        True,
                    ),
                    (
                        {
                            "zh": "家里的电器、家具新不新，值多少钱",
                            "en": "How new the family's appliances and furniture are, and what they are worth",
                        },
                        False,
                    ),
                    (
                        {
                            "zh": "当着家人的面翻看孩子身上有没有伤",
                            "en": "Examining the child's body for injuries in front of the family",
                        },
                        False,
                    ),
                ],
                "explanation": {
                    "zh": "吃、住、睡觉写作业的地方、穿着和精神，都要看一看、如实记下来。家里东西新不新、值多少钱不是你要看的，你关心的是孩子过得好不好。也不要当着家人的面去翻看孩子的身体，这会让孩子难堪，也可能让他以后不敢说。",
                    "en": "Food, housing, a place to sleep and study, clothes and how the child seems should all be noticed and noted honestly. How new or costly the family's things are is not your concern; what matters is how the child is doing. And do not examine the child's body in front of the family: it embarrasses the child and may stop them telling you things later.",
                },
            },
            {
                "kind": "true_false",
                "text": {
                    "zh": "如果怀疑孩子有危险，家里人又一直不让你见孩子，要马上告诉儿童主任和村委会，情况紧急时直接打110。",
                    "en": "If you suspect a child is in danger and the family keeps refusing to let you see the child, tell the children's director and the village committee at once, and call 110 in an emergency.",
                },
                "statement_is_true": True,
                "explanation": {
                    "zh": "说得对。家访被拒时，一般可以耐心地慢慢建立信任；但孩子可能有危险时，不能只是等，要马上报告。",
                    "en": "That's right. When a family refuses a visit you can usually build trust patiently over time, but when a child may be in danger you must not wait: report it straight away.",
                },
            },
        ],
    },
}

# Each level: (label, description, points). The same three labels for every criterion, so a
# mentor learns one scale.
_NEEDS_WORK = {"zh": "需要改进", "en": "Needs work"}
_MEETS = {"zh": "基本达到", "en": "Meets the standard"}
_STRONG = {"zh": "做得很好", "en": "Does it well"}

RUBRICS = {
    "activity-plan": {
        "title": {"zh": "活动方案评分", "en": "Activity plan rubric"},
        # Three criteria of 0/2/3 points: "meets the standard" on all three (6 of 9) passes.
        "pass_points": 6,
        "criteria": [
            {
                "title": {
                    "zh": "目标清楚，适合孩子的年龄",
                    "en": "A clear goal that suits the children's ages",
                },
                "description": {
                    "zh": "方案写明这次活动想让孩子学到或体验什么，内容适合来参加的孩子。",
                    "en": "The plan says what the children should learn or experience, and the content suits the children who will come.",
                },
                "levels": [
                    (
                        _NEEDS_WORK,
                        {
                            "zh": "看不出活动想达到什么，或者对来参加的孩子太难、太简单。",
                            "en": "It is not clear what the activity is for, or it is too hard or too easy for the children taking part.",
                        },
                        0,
                    ),
                    (
                        _MEETS,
                        {
                            "zh": "写了一个目标，大体适合孩子的年龄。",
                            "en": "It states a goal that broadly suits the children's ages.",
                        },
                        2,
                    ),
                    (
                        _STRONG,
                        {
                            "zh": "目标具体清楚，还想好了大孩子和小孩子怎么分工或分组。",
                            "en": "The goal is specific, and the plan shows how older and younger children will each take part.",
                        },
                        3,
                    ),
                ],
            },
            {
                "title": {"zh": "考虑了安全", "en": "Safety is thought through"},
                "description": {
                    "zh": "方案想到了活动中可能的危险，以及怎样预防、谁来帮忙照看。",
                    "en": "The plan thinks about what could go wrong, how to prevent it and who will help keep watch.",
                },
                "levels": [
                    (
                        _NEEDS_WORK,
                        {
                            "zh": "没有提到安全，或者有明显的危险没想到，比如去水边、用刀剪没人看着。",
                            "en": "Safety is not mentioned, or an obvious danger is missed, such as going near water or using knives or scissors unsupervised.",
                        },
                        0,
                    ),
                    (
                        _MEETS,
                        {
                            "zh": "写了主要的安全注意事项，活动前后清点人数。",
                            "en": "The main safety points are written down, and children are counted before and after.",
                        },
                        2,
                    ),
                    (
                        _STRONG,
                        {
                            "zh": "每一步的安全都想到了：几个大人照看、急救箱放在哪里、出了意外先做什么。",
                            "en": "Safety is covered at every step: how many adults keep watch, where the first-aid kit is, and what to do first if someone gets hurt.",
                        },
                        3,
                    ),
                ],
            },
            {
                "title": {
                    "zh": "材料和步骤在村里做得到",
                    "en": "Materials and steps work in a village",
                },
                "description": {
                    "zh": "材料在村里找得到、花钱少，步骤清楚，在开放时间里做得完。",
                    "en": "The materials can be found in the village at little cost, the steps are clear, and it fits within the opening hours.",
                },
                "levels": [
                    (
                        _NEEDS_WORK,
                        {
                            "zh": "材料在村里找不到或者太贵，步骤不清楚。",
                            "en": "The materials cannot be found in the village or cost too much, and the steps are unclear.",
                        },
                        0,
                    ),
                    (
                        _MEETS,
                        {
                            "zh": "材料好找，步骤大体清楚，时间够用。",
                            "en": "The materials are easy to find, the steps are broadly clear and there is enough time.",
                        },
                        2,
                    ),
                    (
                        _STRONG,
                        {
                            "zh": "尽量就地取材、不花钱，步骤一步一步写清楚，别的妈妈照着也能做。",
                            "en": "It uses what is to hand at almost no cost, and the steps are so clear that another mother could follow them.",
                        },
                        3,
                    ),
                ],
            },
        ],
    },
    "home-visit-reflection": {
        "title": {"zh": "家访反思评分", "en": "Home visit reflection rubric"},
        # Two criteria of 0/2/3 points: "meets the standard" on both (4 of 6) passes.
        "pass_points": 4,
        "criteria": [
            {
                "title": {"zh": "只写事实，保护隐私", "en": "Facts only, privacy protected"},
                "description": {
                    "zh": "写的是看到、听到的事实，没有猜测和评价；没有写出孩子的真名和能认出他家的信息。",
                    "en": "It records what was seen and heard, without guesses or judgements, and gives no real name or details that would identify the family.",
                },
                "levels": [
                    (
                        _NEEDS_WORK,
                        {
                            "zh": "有猜测或评价别人的话，或者写出了孩子的真名。",
                            "en": "It contains guesses or judgements about people, or the child's real name.",
                        },
                        0,
                    ),
                    (
                        _MEETS,
                        {
                            "zh": "基本是事实，没有写出能认出孩子的信息。",
                            "en": "It is mostly facts and nothing identifies the child.",
                        },
                        2,
                    ),
                    (
                        _STRONG,
                        {
                            "zh": "事实具体清楚，孩子和家人说的话也如实记下，别人读了就能明白情况。",
                            "en": "The facts are specific and clear, what the child and family said is recorded faithfully, and anyone reading it would understand the situation.",
                        },
                        3,
                    ),
                ],
            },
            {
                "title": {"zh": "想好了下一步", "en": "A clear next step"},
                "description": {
                    "zh": "写明孩子和家庭需要什么、你打算做什么、什么时候再去，需要报告的事有没有报告。",
                    "en": "It says what the child and family need, what you plan to do and when you will visit again, and whether anything that needed reporting was reported.",
                },
                "levels": [
                    (
                        _NEEDS_WORK,
                        {
                            "zh": "没有写下一步，或者该报告的事没有报告。",
                            "en": "No next step is given, or something that should have been reported was not.",
                        },
                        0,
                    ),
                    (
                        _MEETS,
                        {
                            "zh": "写了下一步打算，也定了下次家访的时间。",
                            "en": "A next step is given, with a date for the next visit.",
                        },
                        2,
                    ),
                    (
                        _STRONG,
                        {
                            "zh": "下一步具体可行，还想好了找谁帮忙，比如儿童主任、村医或学校老师。",
                            "en": "The next step is concrete and workable, and names who can help, such as the children's director, the village doctor or a teacher.",
                        },
                        3,
                    ),
                ],
            },
        ],
    },
}

TASKS = {
    "plan-an-activity": {
        "title": {"zh": "为儿童之家设计一次活动", "en": "Plan an activity for the Children's Home"},
        "instructions": {
            "zh": "<p>为你的儿童之家设计一次主题活动，比如学安全知识、讲故事、过传统节日或者种小菜园。把方案写下来交给你的带教老师，她会按照“活动方案评分”给你打分，并告诉你哪里可以做得更好。活动如果已经办过，可以附上一到三张活动照片：拍照前要征得家长同意，不拍孩子的正脸。</p><p>方案里写清楚这几样：</p><ul><li>活动名称和目标：想让孩子学到或体验什么</li><li>参加的孩子：大概几个人、多大年龄</li><li>时间和地点：哪一天、做多长时间</li><li>需要的材料，去哪里找</li><li>活动步骤：先做什么、再做什么、最后怎么结束</li><li>安全安排：可能有什么危险，你怎么预防，谁来帮忙照看</li></ul>",
            "en": "<p>Plan a themed activity for your Children's Home, for example learning about safety, storytelling, a traditional festival or a small vegetable garden. Write the plan down and hand it in to your mentor; she will score it with the activity plan rubric and tell you what could be even better. If you have already held the activity, you can add one to three photos of it: ask parents' permission before taking photos, and do not photograph children's faces.</p><p>Make these things clear in your plan:</p><ul><li>the name and goal of the activity: what the children should learn or experience</li><li>the children taking part: roughly how many, and how old</li><li>time and place: which day, and how long it takes</li><li>the materials you need, and where to find them</li><li>the steps: what happens first, next, and how it ends</li><li>safety: what could go wrong, how you will prevent it, and who will help keep watch</li></ul>",
        },
        "text_prompt": {
            "zh": "写下你的活动方案：名称和目标、参加的孩子、时间地点、材料、步骤和安全安排。",
            "en": "Write your activity plan: name and goal, the children taking part, time and place, materials, steps and safety arrangements.",
        },
        "text_required": True,
        "min_photos": 0,
        "max_photos": 3,
        "rubric": "activity-plan",
    },
    "home-visit-reflection": {
        "title": {"zh": "家访反思", "en": "Home visit reflection"},
        "instructions": {
            "zh": "<p>完成一次家访后，写一段简短的反思，交给你的带教老师。不要写孩子的真名，用“小A”这样的称呼代替，也不要写出能认出他家的信息。这次任务不交照片。</p><p>反思里写清楚：</p><ul><li>这次家访想了解什么，你做了哪些准备</li><li>你看到、听到了什么（只写事实）</li><li>孩子和家人有什么需要</li><li>下一步打算做什么，什么时候再去</li><li>这次你觉得做得好的地方，和下次想改进的地方</li></ul>",
            "en": "<p>After a home visit, write a short reflection and hand it in to your mentor. Do not use the child's real name: call them something like “Child A”, and leave out anything that would identify the family. No photos for this task.</p><p>In your reflection, make clear:</p><ul><li>what you wanted to find out on this visit, and how you prepared</li><li>what you saw and heard (facts only)</li><li>what the child and the family need</li><li>what you will do next, and when you will visit again</li><li>what went well this time, and what you would do differently next time</li></ul>",
        },
        "text_prompt": {
            "zh": "写下这次家访的反思：目的和准备、看到听到的事实、孩子和家人的需要、下一步打算。",
            "en": "Write your reflection on the visit: purpose and preparation, the facts you saw and heard, what the child and family need, and your next step.",
        },
        "text_required": True,
        "min_photos": 0,
        "max_photos": 0,
        "rubric": "home-visit-reflection",
    },
}

# Where they sit. Lesson blocks are added at the end of the lesson body, in this order (in
# both languages, pointing at the Chinese object): (course slug, module slug, lesson slug).
LESSON_BLOCKS = {
    ("running-a-childrens-home", "opening-every-day", "daily-routine"): [
        ("practical_task", "plan-an-activity"),
        ("quiz", "opening-every-day-quiz"),  # last, so passing it completes the lesson
    ],
    ("home-visits-and-child-files", "visiting-homes", "what-to-observe"): [
        ("practical_task", "home-visit-reflection"),
    ],
}
# (course slug, module slug) -> quiz slug
MODULE_END_QUIZZES = {
    ("home-visits-and-child-files", "visiting-homes"): "visiting-homes-quiz",
}

# Quiz attempts of cohort learners (position in COHORT_LEARNERS), beyond the passes that go
# with the lessons they have completed: (position, quiz slug, days ago, correct answers of
# each attempt in turn).
DEMO_ATTEMPTS = [
    (6, "opening-every-day-quiz", 4, [2, 3]),  # two tries, not passed yet: one left
    (8, "opening-every-day-quiz", 2, [3]),
    (1, "visiting-homes-quiz", 9, [4]),
    (3, "visiting-homes-quiz", 7, [2, 3]),  # failed, then passed
    (5, "visiting-homes-quiz", 3, [1]),
    (7, "visiting-homes-quiz", 1, [3]),
]

# Work handed in and waiting for the demo mentor: (position, task slug, days ago, text).
DEMO_SUBMISSIONS = [
    (
        0,
        "plan-an-activity",
        3,
        "活动名称：认识家乡的蔬菜\n"
        "目标：让孩子认识村里常见的十种蔬菜，知道多吃蔬菜身体好。\n"
        "参加的孩子：12个左右，6到11岁。大孩子每人带一个小孩子。\n"
        "时间地点：星期六上午9点到10点半，儿童之家和旁边的菜地。\n"
        "材料：请家长从自家菜地拿一两样蔬菜；白纸、蜡笔（儿童之家有）。\n"
        "步骤：1. 签到，讲清楚今天做什么和规矩。2. 到菜地里认蔬菜，请王奶奶讲怎么种。"
        "3. 回到儿童之家，每人画一样自己最喜欢的蔬菜，说说怎么吃。4. 把画贴在墙上，清点人数后送孩子回家。\n"
        "安全：菜地旁边有水沟，请两位家长站在水沟边看着，孩子不能靠近。不用刀，不让孩子生吃没洗的菜。"
        "急救箱带到菜地。",
    ),
    (
        2,
        "plan-an-activity",
        1,
        "活动名称：端午节包粽子\n"
        "目标：让孩子知道端午节的来历，学着自己包一个粽子，体会和大家一起过节的快乐。\n"
        "参加的孩子：大概15个，7到12岁，小一点的孩子负责洗粽叶、递米。\n"
        "时间地点：端午节前一天下午4点到6点，在儿童之家。\n"
        "材料：糯米和粽叶请村委会帮忙买，大概花五十元；线绳、大盆。\n"
        "步骤：先讲屈原的故事，再分组包粽子，最后一起吃前一天煮好的粽子。\n"
        "安全：煮粽子用开水，只由大人在厨房做，孩子不进厨房。",
    ),
]
