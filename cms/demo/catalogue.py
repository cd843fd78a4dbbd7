# ruff: noqa: E501 -- bilingual course text, one string per line
"""Demo course catalogue for Companion Academy (bilingual, zh first)."""

COURSES = [
    # ------------------------------------------------------------------ primary 1
    {
        "slug": "running-a-childrens-home",
        "level": "primary",
        "minutes": 90,
        "title": {"zh": "办好儿童之家", "en": "Running a Children's Home"},
        "summary": {
            "zh": "学习儿童之家每天怎么开门、怎么安排活动、怎么做记录，守住场地安全，并和村委会一起把儿童之家办好。",
            "en": "Learn how to open the Children's Home every day, plan activities and keep records, keep the space safe, and work with the village committee to run it well.",
        },
        "modules": [
            {
                "slug": "opening-every-day",
                "title": {"zh": "日常开放", "en": "Opening Every Day"},
                "intro": {
                    "zh": "定好时间、排好一天、守住安全，让孩子愿意来，家长放心让孩子来。",
                    "en": "Set the hours, plan the day and keep the space safe, so children want to come and parents are happy to send them.",
                },
                "lessons": [
                    {
                        "slug": "opening-hours",
                        "title": {"zh": "定好开放时间", "en": "Setting Opening Hours"},
                        "minutes": 15,
                        "optional": False,
                        "body": [
                            (
                                "heading",
                                {
                                    "zh": "时间固定，孩子才会常来",
                                    "en": "Fixed hours bring children back",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>儿童之家最好在孩子放学后开门，比如周一到周五下午4点到6点，周末再安排半天活动。时间定下来以后不要随便改，孩子和家长心里才有数。寒暑假孩子多、在家没人管，可以适当延长开放时间。哪天确实有事不能开门，要提前在门口和村里的微信群里通知。</p>",
                                    "en": "<p>The Children's Home should open after school, for example from 4 to 6 pm on weekdays, with half a day of activities at the weekend. Once the hours are set, do not change them casually, so children and parents know what to expect. In the winter and summer holidays, when many children are at home with no one watching them, you can open for longer. If you really cannot open one day, put a notice on the door and in the village WeChat group in advance.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>把开放时间写在一张大纸上，贴在儿童之家门口和村委会公告栏。纸上写清楚这几样：</p><ul><li>每天开门和关门的时间</li><li>本周的活动安排</li><li>你的名字和电话</li></ul>",
                                    "en": "<p>Write the opening hours on a large sheet of paper and post it on the door of the Children's Home and on the village committee notice board. Make these things clear on it:</p><ul><li>the opening and closing time each day</li><li>this week's activities</li><li>your name and phone number</li></ul>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>关门前要清点人数，确认每个孩子都由家人接走，或者结伴安全回家。年龄小的孩子要在天黑前送回家，不能让他们一个人走夜路。孩子都走了以后，检查门窗和电源，再锁门离开。</p>",
                                    "en": "<p>Before closing, count the children and make sure each one is collected by family or walks home safely with others. Young children should be taken home before dark; never let them walk home alone at night. When all the children have left, check the doors, windows and power, then lock up.</p>",
                                },
                            ),
                            (
                                "tip",
                                {
                                    "zh": "每周五在村微信群里发一次下周的开放时间和活动安排，家长最容易看到。",
                                    "en": "Every Friday, post next week's opening hours and activities in the village WeChat group; that is where parents are most likely to see them.",
                                },
                            ),
                            (
                                "reflection",
                                {
                                    "zh": "你们村的孩子一般几点放学？什么时间开门最适合他们？",
                                    "en": "What time do the children in your village usually finish school? What opening hours would suit them best?",
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "safe-space",
                        "title": {"zh": "场地安全检查", "en": "Checking the Space Is Safe"},
                        "minutes": 20,
                        "optional": False,
                        "body": [
                            (
                                "heading",
                                {"zh": "每天开门前查一遍", "en": "Check before you open every day"},
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>孩子进门前，先花五分钟把屋子和院子看一遍。重点看这几样：</p><ul><li>插座有没有盖好，电线有没有破皮</li><li>桌椅有没有松动，尖角有没有包好</li><li>地面是不是湿滑，有没有碎玻璃、钉子</li><li>院子附近的水缸、水沟、池塘有没有盖子或围挡</li></ul>",
                                    "en": "<p>Before the children arrive, spend five minutes walking through the room and the yard. Pay special attention to these things:</p><ul><li>are the sockets covered, and are any wires frayed</li><li>are tables and chairs wobbly, and are sharp corners padded</li><li>is the floor wet or slippery, and is there broken glass or nails</li><li>do water tanks, ditches and ponds near the yard have lids or fences</li></ul>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>儿童之家要有一个急救箱，放创可贴、碘伏、纱布、体温计等，用完及时补上。灭火器放在门口显眼的地方，你要会用，并定期看一看压力表。剪刀、小刀、药品和清洁剂要放在高处或锁起来。发现坏了的东西当天就停用，并告诉村委会尽快修好。</p>",
                                    "en": "<p>The Children's Home needs a first-aid kit with plasters, iodine, gauze and a thermometer, refilled as soon as something runs out. Keep the fire extinguisher in plain sight by the door, know how to use it, and check its pressure gauge regularly. Scissors, knives, medicines and cleaning products should be kept up high or locked away. If something is broken, stop using it that same day and ask the village committee to repair it quickly.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>一个人照看的孩子不宜太多，孩子多的时候请志愿者或家长来帮忙。不要让孩子单独留在屋里，也不要让陌生人随意进出。外人来参观或者送东西，要先登记，并且一直有大人陪着。</p>",
                                    "en": "<p>One adult should not look after too many children; when many come, ask volunteers or parents to help. Never leave a child alone in the building, and do not let strangers come and go freely. Visitors or people delivering things should sign in first and always be accompanied by an adult.</p>",
                                },
                            ),
                            (
                                "tip",
                                {
                                    "zh": "把检查项目写成一张小表贴在门后，每天打勾，既不会漏掉，也是一份记录。",
                                    "en": "Turn the checks into a small chart on the back of the door and tick it every day: you won't miss anything, and it doubles as a record.",
                                },
                            ),
                            (
                                "reflection",
                                {
                                    "zh": "在你的儿童之家，哪个地方最让你担心孩子的安全？可以怎么改？",
                                    "en": "Which spot in your Children's Home worries you most for the children's safety? How could you change it?",
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "daily-routine",
                        "title": {"zh": "排好一天的活动", "en": "Planning the Day"},
                        "minutes": 15,
                        "optional": False,
                        "body": [
                            (
                                "heading",
                                {
                                    "zh": "有规律，孩子更安心",
                                    "en": "A routine helps children feel secure",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>孩子来了以后，先签到、喝点水、休息一下，然后是写作业的时间。大一点的孩子可以帮小一点的孩子；你不用每道题都会讲，主要是陪着、看着、鼓励他们。作业写完了，可以看书、画画、做手工，或者到院子里做游戏。</p>",
                                    "en": "<p>When children arrive, they sign in, have some water and rest a little, then it is homework time. Older children can help younger ones; you do not need to be able to explain every question, your job is mainly to sit with them, keep an eye on them and encourage them. After homework they can read, draw, do crafts or play games in the yard.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>每周至少安排一次主题活动，比如学安全知识、讲故事、过传统节日、种小菜园。活动前想好目标、时间和材料，活动后简单记下来：谁参加了，孩子喜欢什么。一周的安排可以提前贴在墙上，让孩子有个盼头。</p>",
                                    "en": "<p>Hold at least one themed activity each week, such as safety knowledge, storytelling, a traditional festival or a small vegetable garden. Before the activity, think about its goal, timing and materials; afterwards, make a short note of who took part and what the children enjoyed. Put the week's plan on the wall in advance so the children have something to look forward to.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>和孩子一起定几条规矩，比如“进门先洗手”“说话轻声”“玩具用完放回原处”。规矩要少、要简单，写出来贴在墙上。孩子自己参与定的规矩，他们更愿意遵守。</p>",
                                    "en": "<p>Agree a few rules together with the children, such as 'wash your hands when you come in', 'speak quietly' and 'put toys back when you're done'. Keep the rules few and simple, and post them on the wall. Children are more willing to follow rules they helped to make.</p>",
                                },
                            ),
                            (
                                "tip",
                                {
                                    "zh": "每天留十分钟“聊天时间”，让孩子说说今天在学校开心和不开心的事。",
                                    "en": "Keep ten minutes of 'chat time' every day for children to talk about what made them happy or unhappy at school.",
                                },
                            ),
                            (
                                "reflection",
                                {
                                    "zh": "如果有个孩子总是不写作业、只想玩，你会怎么安排他？",
                                    "en": "If a child never wants to do homework and only wants to play, how would you handle it?",
                                },
                            ),
                        ],
                    },
                ],
            },
            {
                "slug": "records-and-partners",
                "title": {"zh": "记录与合作", "en": "Records and Partners"},
                "intro": {
                    "zh": "做好签到和活动记录，请村委会和村民一起来支持儿童之家。",
                    "en": "Keep sign-in sheets and activity records, and bring the village committee and villagers in to support the Children's Home.",
                },
                "lessons": [
                    {
                        "slug": "sign-in-and-records",
                        "title": {"zh": "签到和活动记录", "en": "Sign-in Sheets and Records"},
                        "minutes": 15,
                        "optional": False,
                        "body": [
                            (
                                "heading",
                                {"zh": "记录是你工作的证明", "en": "Records show your work"},
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>每天准备一张签到表，写上日期，孩子来的时候写名字和时间，走的时候再写离开时间。年龄小、还不会写字的孩子，由你帮他写。签到表能帮你发现问题：哪个孩子好几天没来了，就要问一问，去家里看一看。</p>",
                                    "en": "<p>Prepare a sign-in sheet every day with the date on it; children write their name and the time when they arrive, and the time again when they leave. For little ones who cannot write yet, write it for them. The sheet helps you notice problems: if a child has not come for several days, ask about it and go to the home to see.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>每次主题活动都要有一份简单的记录：</p><ul><li>活动名称、日期和时间</li><li>参加的孩子人数</li><li>做了什么，孩子有什么反应</li><li>一两张活动照片，拍照前要征得家长同意，不随便发到网上</li></ul>",
                                    "en": "<p>Every themed activity needs a short record:</p><ul><li>the name, date and time of the activity</li><li>how many children took part</li><li>what you did and how the children responded</li><li>one or two photos, taken only with parents' permission and never posted online casually</li></ul>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>签到表和记录本按月整理好，放在带锁的柜子里。每个月底数一数：开了多少天门，来了多少人次，办了几次活动。这些数字要报给村委会和项目，也能让你看到自己的进步。</p>",
                                    "en": "<p>Sort the sign-in sheets and record book by month and keep them in a locked cupboard. At the end of each month, count how many days you opened, how many visits children made and how many activities you held. Report these numbers to the village committee and the programme; they also show you your own progress.</p>",
                                },
                            ),
                            (
                                "tip",
                                {
                                    "zh": "当天的事当天记，隔几天再补，很多细节就想不起来了。",
                                    "en": "Write things down the same day; if you wait a few days, many details will be forgotten.",
                                },
                            ),
                            (
                                "reflection",
                                {
                                    "zh": "回想上个星期，有没有哪个孩子突然不来了？你知道原因吗？",
                                    "en": "Think back to last week: did any child suddenly stop coming? Do you know why?",
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "village-committee",
                        "title": {
                            "zh": "和村委会一起干",
                            "en": "Working with the Village Committee",
                        },
                        "minutes": 15,
                        "optional": False,
                        "body": [
                            (
                                "heading",
                                {
                                    "zh": "儿童之家不是一个人的事",
                                    "en": "The Children's Home is not a one-person job",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>儿童之家一般设在村里的公共场所，由村委会提供场地和支持。你要主动和村委会保持联系，每个月简单汇报一次：开放情况、来了多少孩子、遇到了什么困难。需要修房子、添桌椅、解决水电问题时，要及时提出来。</p>",
                                    "en": "<p>The Children's Home is usually in a public building in the village, with space and support from the village committee. Keep in touch with the committee yourself and give a short report each month: how often you opened, how many children came and what difficulties you met. Speak up promptly when the building needs repairs, more furniture, or water and power fixed.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>村里的儿童主任、妇女主任、村医和学校老师，都是你的好帮手。比如请村医来讲卫生知识，请老师一起关心成绩突然下滑的孩子。遇到孩子的安全问题或者家庭困难，要马上告诉村委会和儿童主任，不要一个人扛。</p>",
                                    "en": "<p>The village children's director, the women's director, the village doctor and the school teachers are all good helpers. For example, invite the village doctor to talk about hygiene, or ask a teacher to help look after a child whose marks have suddenly dropped. When a child's safety is at risk or a family is in difficulty, tell the village committee and the children's director at once; don't carry it alone.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>还可以请村里的老人、返乡青年和放假回家的大学生来当志愿者，教孩子剪纸、唱山歌、打篮球。村民越了解儿童之家，就越愿意支持它。办开放日时，请家长和村干部一起来看看孩子们的作品。</p>",
                                    "en": "<p>You can also invite elders, young people who have returned home and university students on holiday to volunteer, teaching children paper-cutting, folk songs or basketball. The better villagers know the Children's Home, the more they will support it. On an open day, invite parents and village officials to come and see the children's work.</p>",
                                },
                            ),
                            (
                                "tip",
                                {
                                    "zh": "把村干部、儿童主任、村医、学校老师的电话写在一张卡片上，贴在儿童之家的墙上。",
                                    "en": "Write the phone numbers of the village officials, the children's director, the village doctor and the teachers on a card and post it on the wall of the Children's Home.",
                                },
                            ),
                            (
                                "reflection",
                                {
                                    "zh": "在你们村，除了村委会，还有谁可以帮儿童之家做点事？",
                                    "en": "Apart from the village committee, who else in your village could help the Children's Home?",
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "lessons-from-other-homes",
                        "title": {"zh": "别人家的好经验", "en": "Extra Reading: Other Homes"},
                        "minutes": 10,
                        "optional": True,
                        "body": [
                            (
                                "heading",
                                {"zh": "看看其他妈妈怎么做", "en": "How other mothers do it"},
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>有一位妈妈的儿童之家，是用村委会的旧办公室改的。她和孩子们一起刷墙、画画、摆书架，孩子们把这里叫作“我们的家”。后来村委会搬了新地方，又给儿童之家留出了更大的活动场地。</p>",
                                    "en": "<p>One mother's Children's Home was converted from the village committee's old office. She and the children painted the walls, drew pictures and set up bookshelves together, and the children called it 'our home'. When the village committee later moved to a new site, it set aside an even bigger space for the Children's Home.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>另一位妈妈刚开始家访时，有村民说：“你又不给钱，来有什么用？”她没有生气，还是一次次上门，帮老人联系孩子的父母，帮孩子补作业。慢慢地，村民都认可了她，孩子们在路上远远就喊她“妈妈”。</p>",
                                    "en": "<p>When another mother started home visits, a villager said to her: 'You don't bring any money, so what's the use of coming?' She did not get angry; she kept coming back, helped the grandparents reach the children's parents and helped the children with homework. Bit by bit the villagers accepted her, and now children call out 'Mama' when they see her down the road.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>这些例子说明，儿童之家办得好不好，不在房子大不大，而在你是不是天天坚持、真心对孩子。刚开始遇到不理解很正常，你做的事情，大家都看得见。</p>",
                                    "en": "<p>These examples show that a good Children's Home does not depend on a big building but on whether you keep at it every day and truly care for the children. Meeting misunderstanding at the start is normal; people do see the work you do.</p>",
                                },
                            ),
                            (
                                "tip",
                                {
                                    "zh": "和附近村的守护妈妈建一个小群，互相分享活动点子和好办法。",
                                    "en": "Start a small group chat with companion mothers in nearby villages to swap activity ideas and good practice.",
                                },
                            ),
                            (
                                "reflection",
                                {
                                    "zh": "你刚开始做这份工作时，遇到过什么不理解？你是怎么面对的？",
                                    "en": "When you started this work, what misunderstanding did you meet? How did you deal with it?",
                                },
                            ),
                        ],
                    },
                ],
            },
        ],
    },
    # ------------------------------------------------------------------ primary 2
    {
        "slug": "home-visits-and-child-files",
        "level": "primary",
        "minutes": 90,
        "title": {"zh": "家访与儿童档案", "en": "Home Visits and Child Files"},
        "summary": {
            "zh": "学习怎样准备和进行家访、家访时看什么问什么，怎样为每个孩子建一份档案并按时更新，同时保护好孩子的隐私。",
            "en": "Learn how to prepare and carry out home visits and what to look for and ask, how to keep one file per child and update it on time, and how to protect children's privacy.",
        },
        "modules": [
            {
                "slug": "visiting-homes",
                "title": {"zh": "走进孩子的家", "en": "Visiting Children's Homes"},
                "intro": {
                    "zh": "提前准备，用心观察，把每一次家访都做实。",
                    "en": "Prepare ahead and observe with care, so every home visit really counts.",
                },
                "lessons": [
                    {
                        "slug": "planning-a-visit",
                        "title": {"zh": "准备一次家访", "en": "Preparing a Visit"},
                        "minutes": 15,
                        "optional": False,
                        "body": [
                            (
                                "heading",
                                {"zh": "出门前想清楚", "en": "Think it through before you go"},
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>家访前先翻一翻孩子的档案，想好这次要了解什么，比如孩子最近的学习和身体，或者上次说的困难解决了没有。提前一两天和家里的大人约好时间，尽量选孩子也在家的时候。第一次去不熟悉的人家，可以请村干部或者熟悉这家的邻居陪你一起去。</p>",
                                    "en": "<p>Before a visit, look through the child's file and decide what you want to find out this time, such as how the child is doing at school and in health, or whether the difficulty mentioned last time has been solved. Arrange a time with the adults in the family a day or two ahead, ideally when the child is also at home. For a first visit to a family you don't know, ask a village official or a neighbour who knows them to come with you.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>带上要用的东西：</p><ul><li>家访记录表和笔</li><li>这个孩子的档案，只带他一个人的</li><li>一本图书或一个小玩具，方便和孩子拉近关系</li></ul>",
                                    "en": "<p>Take what you will need:</p><ul><li>a home visit form and a pen</li><li>this child's file, and only this child's</li><li>a picture book or small toy to help you get close to the child</li></ul>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>一次家访一般30分钟到1个小时，不要太长，以免耽误人家干活。要去好几户时，先把路线排好，先去最需要关心的家庭。出门前告诉家人或同事你去哪里、大概几点回来。</p>",
                                    "en": "<p>A home visit usually lasts 30 minutes to an hour; don't stay too long and keep the family from their work. If you are visiting several homes, plan your route and go first to the families who need the most attention. Before you leave, tell your family or a colleague where you are going and roughly when you will be back.</p>",
                                },
                            ),
                            (
                                "tip",
                                {
                                    "zh": "进门先拉拉家常，不要一进门就拿出表格问问题，人家会觉得你是来查户口的。",
                                    "en": "Start with friendly small talk; if you pull out a form and start asking questions the moment you walk in, the family will feel they are being inspected.",
                                },
                            ),
                            (
                                "reflection",
                                {
                                    "zh": "你下一次要去哪个孩子家？这次最想了解的是什么？",
                                    "en": "Which child's home will you visit next? What do you most want to find out this time?",
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "what-to-observe",
                        "title": {"zh": "家访看什么", "en": "What to Observe"},
                        "minutes": 20,
                        "optional": False,
                        "body": [
                            (
                                "heading",
                                {"zh": "用眼睛看，用耳朵听", "en": "Use your eyes and ears"},
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>进了门，先看孩子的生活环境：吃的够不够，住的地方干不干净、有没有安全隐患，孩子有没有睡觉和写作业的地方。也要看孩子本人：衣服合不合季节，身上有没有伤，精神好不好。这些都要如实记下来，但不要当着家人的面去翻看孩子的身体。</p>",
                                    "en": "<p>Once inside, first look at how the child lives: is there enough food, is the home clean, are there any safety hazards, and does the child have a place to sleep and do homework. Look at the child too: are the clothes right for the season, are there any injuries, does the child seem lively or low. Write all of this down truthfully, but do not examine the child's body in front of the family.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>和照顾孩子的大人聊一聊：孩子吃饭、睡觉怎么样，在学校表现如何，最近有没有生病。问一问爸爸妈妈在哪里打工，多久和孩子联系一次。家里有没有什么困难，比如老人生病、交不起费用，或者户口、低保还没有办下来。</p>",
                                    "en": "<p>Talk with the adults who look after the child: how does the child eat and sleep, how is school going, has the child been ill recently. Ask where the parents work and how often they contact the child. Ask whether the family has any difficulties, such as a sick grandparent, fees they cannot pay, or household registration or basic-living allowance not yet sorted out.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>最好单独和孩子说几句话，可以在院子里，也可以一起看本书。问问他有什么开心的事、担心的事，有没有想对爸爸妈妈说的话。孩子说话时要认真听，不要急着评价或批评。</p>",
                                    "en": "<p>If you can, talk with the child on their own for a little while, in the yard or over a book. Ask what has made them happy, what worries them, and whether there is anything they want to say to their mum and dad. Listen carefully when the child speaks, and don't rush to judge or criticise.</p>",
                                },
                            ),
                            (
                                "tip",
                                {
                                    "zh": "回家后马上把看到、听到的写下来，只写事实，比如“孩子左手臂有一块青紫”，不写“孩子被打了”这样的猜测。",
                                    "en": "Write down what you saw and heard as soon as you get home. Record only facts, such as 'a bruise on the child's left arm', not guesses like 'the child was beaten'.",
                                },
                            ),
                            (
                                "reflection",
                                {
                                    "zh": "如果孩子小声告诉你一件让你担心的事，你会怎么回应他？",
                                    "en": "If a child quietly tells you something that worries you, how will you respond?",
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "when-families-say-no",
                        "title": {
                            "zh": "家访被拒怎么办",
                            "en": "Extra Reading: When Families Say No",
                        },
                        "minutes": 10,
                        "optional": True,
                        "body": [
                            (
                                "heading",
                                {"zh": "不理解是正常的", "en": "Misunderstanding is normal"},
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>有的家庭一开始不欢迎家访，会说“你又不给钱，来有什么用”，或者觉得家丑不可外扬。这时候不要争辩，也不要生气。可以简单说明你是村里儿童之家的妈妈，来看看孩子，家里有需要可以帮忙联系。</p>",
                                    "en": "<p>Some families do not welcome visits at first. They may say 'you don't bring money, so what's the point', or feel that family troubles should stay inside the family. Don't argue and don't get angry. Simply explain that you are the mother from the village Children's Home, you have come to see the child, and you can help them get in touch with support if they need it.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>这次进不了门，就先在门口和老人聊几句，留下电话，过几天再来。平时在儿童之家对孩子好，孩子回家会说，家人的态度慢慢就会变。也可以请这家信任的亲戚或村干部帮忙引见。</p>",
                                    "en": "<p>If you can't get in this time, chat with the grandparents at the door for a while, leave your phone number and come back in a few days. When you treat the child well at the Children's Home, the child talks about it at home and the family's attitude slowly changes. You can also ask a relative or village official the family trusts to introduce you.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>但是，如果你怀疑孩子处在危险中，比如长期没人管、身上有伤、经常挨打，家人又一直不让你见孩子，就不能只是等。要马上告诉儿童主任和村委会，情况紧急时直接打110报警。</p>",
                                    "en": "<p>However, if you suspect the child is in danger, for example left without care for long periods, injured or often beaten, and the family keeps refusing to let you see the child, you must not just wait. Tell the children's director and the village committee at once, and in an emergency call the police on 110 directly.</p>",
                                },
                            ),
                            (
                                "tip",
                                {
                                    "zh": "第一次上门可以带一张孩子在儿童之家画的画，家人看了，话题就打开了。",
                                    "en": "On a first visit, bring a picture the child drew at the Children's Home; once the family sees it, the conversation opens up.",
                                },
                            ),
                            (
                                "reflection",
                                {
                                    "zh": "你们村有没有不太欢迎家访的家庭？你打算怎样慢慢和他们建立信任？",
                                    "en": "Is there a family in your village that doesn't welcome visits? How will you slowly build trust with them?",
                                },
                            ),
                        ],
                    },
                ],
            },
            {
                "slug": "one-file-per-child",
                "title": {"zh": "一人一档", "en": "One File per Child"},
                "intro": {
                    "zh": "为每个孩子建一份档案，按时更新，好好保管。",
                    "en": "Keep a file for every child, update it on time and store it safely.",
                },
                "lessons": [
                    {
                        "slug": "what-goes-in-a-file",
                        "title": {"zh": "档案里写什么", "en": "What Goes in a File"},
                        "minutes": 15,
                        "optional": False,
                        "body": [
                            ("heading", {"zh": "每个孩子一份档案", "en": "A file for every child"}),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>村里的留守儿童、困境儿童和其他需要关心的孩子，每人都要有一份自己的档案。档案的基本信息包括：</p><ul><li>孩子的姓名、性别、出生日期、上学情况</li><li>监护人和实际照顾孩子的人是谁，联系电话</li><li>父母在哪里打工，多久联系一次孩子</li><li>身体情况、家庭困难、已经享受了哪些帮扶政策</li></ul>",
                                    "en": "<p>Every left-behind child, child in difficulty and other child who needs attention in the village should have a file of their own. The basic information includes:</p><ul><li>the child's name, sex, date of birth and schooling</li><li>who the legal guardian and the actual carer are, with phone numbers</li><li>where the parents work and how often they contact the child</li><li>health, family difficulties and which support schemes the family already receives</li></ul>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>档案后面是每次家访和谈话的记录，写明日期、见了谁、看到了什么、孩子有什么需要、你做了什么。需要跟进的事情，写上下次什么时候再去看。这样即使换了人接手，也能很快了解这个孩子。</p>",
                                    "en": "<p>After the basic information come the notes from each visit and conversation: the date, who you saw, what you observed, what the child needs and what you did. For anything that needs follow-up, write down when you will check again. That way, even if someone else takes over, they can get to know the child quickly.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>档案里写事实，用平常的话写清楚，不写评价或者贬低孩子和家人的话。比如写“最近一个月有三次没交作业”，不写“这孩子懒”。孩子长大以后也可能看到自己的档案，要让他看了不难受。</p>",
                                    "en": "<p>Write facts in the file, in plain clear words, with no judgements or put-downs of the child or family. For example, write 'did not hand in homework three times this month', not 'this child is lazy'. The child may read their own file one day when they grow up, and it should not hurt them to read it.</p>",
                                },
                            ),
                            (
                                "tip",
                                {
                                    "zh": "档案封面只写编号，不写名字；编号和名字的对照表另外放好。",
                                    "en": "Put only a number on the cover of each file, not the child's name, and keep the list matching numbers to names in a separate place.",
                                },
                            ),
                            (
                                "reflection",
                                {
                                    "zh": "想一想你最熟悉的一个孩子，他的档案里还缺哪些信息？",
                                    "en": "Think of the child you know best. What information is still missing from their file?",
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "visit-frequency",
                        "title": {"zh": "多久去一次", "en": "How Often to Visit"},
                        "minutes": 15,
                        "optional": False,
                        "body": [
                            (
                                "heading",
                                {
                                    "zh": "按孩子的情况定次数",
                                    "en": "Set the frequency by the child's needs",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>不是每个孩子都要去得一样勤。一般的孩子每年至少家访一次；需要重点关心的孩子，比如父母都不在身边、家里有重病人、孩子有残疾或者最近出了事，每个月至少去一次。孩子的情况变了，家访次数也要跟着变。</p>",
                                    "en": "<p>Not every child needs visits equally often. Ordinary children should be visited at least once a year; children who need special attention, for example when both parents are away, someone in the family is seriously ill, the child has a disability or something has recently happened, should be visited at least once a month. When a child's situation changes, the visit frequency should change too.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>每个季度要把所有孩子的基本情况更新一次：父母还在不在外面打工，谁在照顾，上学有没有变化，有没有新的困难。新搬来的孩子、父母刚出去打工的孩子，要及时建档。孩子搬走了或者父母回来了，也要在档案里写清楚。</p>",
                                    "en": "<p>Every quarter, update the basic situation of all the children: are the parents still working away, who is looking after the child, has anything changed at school, are there any new difficulties. Open a file promptly for children who have just moved in or whose parents have just left to work. If a child moves away or the parents come home, record that clearly in the file too.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>可以在本子上或者手机里做一张家访计划表，列出每个孩子属于哪一类、下次家访是哪天。每月初看一眼，就知道这个月该去哪几家。重点关心的名单要和儿童主任一起定，并且定期一起商量。</p>",
                                    "en": "<p>Make a visit plan in a notebook or on your phone listing each child's category and the date of the next visit. Glance at it at the start of each month and you'll know which homes to visit. Decide the list of children needing special attention together with the children's director, and review it together regularly.</p>",
                                },
                            ),
                            (
                                "tip",
                                {
                                    "zh": "春节前后父母回家又离开，孩子的情绪变化最大，这段时间可以多去走访几次。",
                                    "en": "Around Spring Festival, when parents come home and then leave again, children's moods change the most; visit more often at that time.",
                                },
                            ),
                            (
                                "reflection",
                                {
                                    "zh": "按照这个标准，你负责的孩子里，哪些需要每个月去一次？",
                                    "en": "Using this standard, which of the children you look after need a visit every month?",
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "protecting-privacy",
                        "title": {"zh": "保护孩子隐私", "en": "Protecting Children's Privacy"},
                        "minutes": 15,
                        "optional": False,
                        "body": [
                            (
                                "heading",
                                {"zh": "孩子的事不外传", "en": "A child's story stays private"},
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>你在家访中知道的事情，比如家里的矛盾、孩子的病、父母离婚、孩子受过的伤害，只能用来帮助孩子。不能在村里聊天时说，也不能告诉和这件事无关的人。闲话一传开，孩子会被人指指点点，家里人也不会再信任你。</p>",
                                    "en": "<p>What you learn on home visits, such as family conflicts, a child's illness, parents' divorce or harm the child has suffered, may only be used to help the child. Don't mention it when chatting in the village, and don't tell anyone who has nothing to do with it. Once gossip spreads, the child will be pointed at and the family will never trust you again.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>档案要放在带锁的柜子里，钥匙自己保管。手机要设密码，不在朋友圈、抖音、微信群里发孩子的照片、名字和家里的情况。宣传需要用照片时，要先征得监护人同意，而且不能让人认出是哪个困境中的孩子。</p>",
                                    "en": "<p>Keep the files in a locked cupboard and hold the key yourself. Put a password on your phone, and never post children's photos, names or family circumstances on WeChat Moments, Douyin or in group chats. If photos are needed for publicity, get the guardian's consent first, and make sure no child in difficulty can be recognised.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>只有孩子的安全受到威胁时，才需要把情况告诉儿童主任、村委会或者警察，这是为了保护孩子，不算泄露隐私。报告时只说和这件事有关的内容，也只告诉负责处理的人。</p>",
                                    "en": "<p>Only when a child's safety is under threat do you need to tell the children's director, the village committee or the police; that is protecting the child, not breaking their privacy. When you report, share only what is relevant, and only with the people responsible for dealing with it.</p>",
                                },
                            ),
                            (
                                "tip",
                                {
                                    "zh": "有人向你打听某个孩子家里的事，可以说：“这个我不方便说，你有事可以直接问他家里人。”",
                                    "en": "If someone asks you about a child's family, you can say: 'I'm not able to talk about that; if you need something, ask the family directly.'",
                                },
                            ),
                            (
                                "reflection",
                                {
                                    "zh": "如果你在村里听到有人议论某个孩子的家事，你会怎么做？",
                                    "en": "If you hear people in the village gossiping about a child's family, what will you do?",
                                },
                            ),
                        ],
                    },
                ],
            },
        ],
    },
    # ------------------------------------------------------------------ intermediate 1
    {
        "slug": "child-safety-and-the-law",
        "level": "intermediate",
        "minutes": 105,
        "title": {"zh": "儿童安全与法律", "en": "Child Safety and the Law"},
        "summary": {
            "zh": "了解《未成年人保护法》对我们的要求，学会识别伤害和忽视，知道发现问题后找谁、怎么报告，并带孩子预防溺水、交通和用电事故。",
            "en": "Understand what the Law on the Protection of Minors asks of us, learn to recognise abuse and neglect, know who to call and how to report, and help children prevent drowning, road and electrical accidents.",
        },
        "modules": [
            {
                "slug": "law-and-reporting",
                "title": {"zh": "法律与报告", "en": "The Law and Reporting"},
                "intro": {
                    "zh": "懂法律、识危险、会报告，做孩子身边的第一道防线。",
                    "en": "Know the law, spot danger and report it: be the first line of protection around every child.",
                },
                "lessons": [
                    {
                        "slug": "minors-protection-law",
                        "title": {"zh": "认识未成年人保护法", "en": "The Law on Protecting Minors"},
                        "minutes": 20,
                        "optional": False,
                        "body": [
                            (
                                "heading",
                                {"zh": "法律保护每一个孩子", "en": "The law protects every child"},
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>《未成年人保护法》是专门保护18岁以下孩子的法律，新修订的版本从2021年6月1日起施行。法律要求，处理和孩子有关的事情时，要先考虑怎样做对孩子最有利。家庭、学校、社会、网络、政府和司法，都有保护孩子的责任。</p>",
                                    "en": "<p>The Law on the Protection of Minors is a law specifically for protecting children under 18; its revised version took effect on 1 June 2021. The law says that in any matter concerning a child, we must first consider what is in the child's best interests. Families, schools, society, the internet, government and the courts all share responsibility for protecting children.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>法律里有几条和留守儿童关系特别大：</p><ul><li>父母不能让不满8岁的孩子处于没人看管的状态</li><li>父母外出打工，要委托有照护能力的大人照顾孩子，并告诉学校和村委会</li><li>外出的父母要和孩子、和照顾孩子的人至少每周联系一次</li></ul>",
                                    "en": "<p>Several provisions matter especially for left-behind children:</p><ul><li>parents must not leave a child under 8 without anyone to look after them</li><li>parents who go away to work must entrust the child to a capable adult and inform the school and the village committee</li><li>parents working away must contact the child and the carer at least once a week</li></ul>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>法律还规定，村委会要有专人负责未成年人保护工作，也就是我们常说的儿童主任。村委会要了解本村父母外出打工的情况，督促他们安排好孩子的照护。你在工作中发现的情况，要及时告诉儿童主任和村委会。</p>",
                                    "en": "<p>The law also requires each village committee to have a designated person responsible for protecting minors, usually known as the children's director. The village committee must know which parents in the village are working away and make sure their children are properly cared for. Whatever you discover in your work, tell the children's director and the village committee promptly.</p>",
                                },
                            ),
                            (
                                "tip",
                                {
                                    "zh": "你不用背法律条文，但要记住一句话：发现孩子有危险，一定要说出来。",
                                    "en": "You don't need to memorise the law, but remember one thing: if you find a child in danger, you must speak up.",
                                },
                            ),
                            (
                                "reflection",
                                {
                                    "zh": "你们村有没有不满8岁、经常没人看管的孩子？你可以先做什么？",
                                    "en": "Are there children under 8 in your village who are often left without anyone watching them? What could you do first?",
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "abuse-and-neglect",
                        "title": {"zh": "识别伤害和忽视", "en": "Recognising Abuse and Neglect"},
                        "minutes": 20,
                        "optional": False,
                        "body": [
                            ("heading", {"zh": "伤害有很多种", "en": "Harm takes many forms"}),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>伤害孩子不只是打孩子，常见的有四种。身体伤害，比如经常被打、被烫；精神伤害，比如长期被骂、被吓唬、被关起来；性侵害，比如被人乱摸、被逼着看不该看的东西；还有忽视，就是孩子吃不饱、穿不暖、生病没人管、长期没人照看。留守儿童当中，最常见的是忽视。</p>",
                                    "en": "<p>Harming a child is not only hitting; there are four common kinds. Physical abuse, such as frequent beating or burning; emotional abuse, such as constant scolding, threats or being locked up; sexual abuse, such as being touched inappropriately or made to look at things they shouldn't; and neglect, when a child doesn't get enough to eat or warm clothes, isn't cared for when ill, or is left unsupervised for long periods. Among left-behind children, neglect is the most common.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>这些信号要引起注意：</p><ul><li>身上反复出现说不清原因的伤，特别是在不容易磕碰到的地方</li><li>孩子突然变得很害怕、不说话，或者脾气变得很大</li><li>很怕回家，或者很怕见到某个人</li><li>经常饿肚子、衣服很脏、生病了没人带去看</li></ul>",
                                    "en": "<p>Watch out for these signs:</p><ul><li>repeated injuries with no clear explanation, especially in places that are not easily bumped</li><li>a child who suddenly becomes very fearful, silent or bad-tempered</li><li>great fear of going home, or of seeing a particular person</li><li>often hungry, very dirty clothes, or illness that no one takes care of</li></ul>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>一个信号不一定说明孩子受了伤害，但要多留心、多记录。如果孩子主动告诉你，要相信他，告诉他“说出来是对的，这不是你的错”。不要逼问细节，也不要答应替他保密，要跟他说清楚，你会找能帮忙的人一起保护他。</p>",
                                    "en": "<p>One sign alone does not prove a child has been harmed, but pay closer attention and keep notes. If a child tells you, believe them and say: 'You did the right thing telling me; this is not your fault.' Don't press for details, and don't promise to keep it secret; explain that you will find people who can help protect them.</p>",
                                },
                            ),
                            (
                                "tip",
                                {
                                    "zh": "性侵害常常来自孩子认识的人。平时可以教孩子：背心和短裤盖住的地方不让别人碰，遇到了要告诉信任的大人。",
                                    "en": "Sexual abuse often comes from someone the child knows. Teach children that no one may touch the parts covered by their vest and shorts, and that if it happens they should tell an adult they trust.",
                                },
                            ),
                            (
                                "reflection",
                                {
                                    "zh": "如果孩子求你“别告诉别人”，你会怎样既让他放心，又能保护他？",
                                    "en": "If a child begs you 'don't tell anyone', how can you reassure them and still protect them?",
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "duty-to-report",
                        "title": {"zh": "报告责任和求助", "en": "Reporting and Who to Call"},
                        "minutes": 20,
                        "optional": False,
                        "body": [
                            (
                                "heading",
                                {"zh": "发现了，就要报告", "en": "If you see it, report it"},
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>法律规定，村委会和经常接触孩子的单位及工作人员，在工作中发现孩子受到伤害、可能受到伤害或者面临危险，要马上向公安、民政、教育等部门报告，这叫强制报告。你每天和孩子在一起，也要做到发现了就报告。报告不需要你先调查清楚，有合理的怀疑就要说。</p>",
                                    "en": "<p>The law says that village committees and organisations and staff in close contact with children must immediately report to the police, civil affairs, education or other departments when, in their work, they find a child who has been harmed, may have been harmed or faces danger. This is called mandatory reporting. You are with children every day, so you too must report whatever you find. You don't need to investigate first; a reasonable suspicion is enough to speak up.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>遇到不同的情况找不同的人：</p><ul><li>孩子正在受伤害或者有生命危险：马上打110报警，有人受伤打120</li><li>怀疑孩子被虐待、被忽视：告诉儿童主任和村委会，由他们报告乡镇和民政部门</li><li>家庭困难、上学、户口、低保等问题：找村委会和乡镇儿童督导员帮忙链接资源</li></ul>",
                                    "en": "<p>Different situations call for different people:</p><ul><li>a child is being harmed right now or their life is in danger: call the police on 110 at once, and 120 if someone is injured</li><li>you suspect abuse or neglect: tell the children's director and the village committee, who report it to the township and the civil affairs department</li><li>family hardship, schooling, household registration or allowance problems: ask the village committee and the township children's supervisor to connect the family with support</li></ul>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>报告时说清楚：哪个孩子、在哪里、什么时间、你看到或听到了什么。同时把这些写进记录，写明你报告给了谁、是几点钟。报告以后继续关心孩子，看看有没有人来处理；如果没人管，要再报告一次。</p>",
                                    "en": "<p>When you report, say clearly which child, where, when, and what you saw or heard. Write it all in your records as well, including who you reported to and at what time. After reporting, keep looking out for the child and check that someone is dealing with it; if no one acts, report again.</p>",
                                },
                            ),
                            (
                                "tip",
                                {
                                    "zh": "把110、120、儿童主任、村委会和乡镇的电话写在卡片上，贴在儿童之家墙上，也存进手机里。",
                                    "en": "Write 110, 120 and the numbers of the children's director, the village committee and the township on a card, post it on the wall of the Children's Home and save them in your phone.",
                                },
                            ),
                            (
                                "reflection",
                                {
                                    "zh": "你知道你们乡镇儿童督导员的名字和电话吗？如果不知道，这周就去问清楚。",
                                    "en": "Do you know the name and phone number of your township's children's supervisor? If not, find out this week.",
                                },
                            ),
                        ],
                    },
                ],
            },
            {
                "slug": "everyday-safety",
                "title": {"zh": "日常安全防护", "en": "Everyday Safety"},
                "intro": {
                    "zh": "溺水、交通和用电是农村孩子最常见的危险，要年年讲、月月讲。",
                    "en": "Drowning, traffic and electricity are the most common dangers for rural children; talk about them every month, every year.",
                },
                "lessons": [
                    {
                        "slug": "preventing-drowning",
                        "title": {"zh": "预防溺水", "en": "Preventing Drowning"},
                        "minutes": 20,
                        "optional": False,
                        "body": [
                            ("heading", {"zh": "水边最危险", "en": "Water is the biggest danger"}),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>溺水是中小学生意外死亡的主要原因之一，常常发生在夏天和放假的时候。地点多是村边的池塘、水库、河沟，甚至是家里的水缸和粪池。孩子溺水很快，而且往往没有声音，几分钟就可能失去生命。所以天气转热、放暑假之前，一定要反复给孩子和家长讲。</p>",
                                    "en": "<p>Drowning is one of the main causes of accidental death among school children, and it happens most in summer and during holidays. It usually happens in ponds, reservoirs and streams near the village, and even in water tanks and cesspits at home. A child drowns quickly and often silently; a life can be lost in a few minutes. So when the weather turns hot and before the summer holiday, tell children and parents about it again and again.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>教孩子记住“六不”：</p><ul><li>不私自下水游泳</li><li>不擅自和同学结伴游泳</li><li>没有家长或老师带着不游泳</li><li>不到没有安全设施、没有救护人员的地方游泳</li><li>不到不熟悉的水域游泳</li><li>不会水的孩子不下水救人</li></ul>",
                                    "en": "<p>Teach children the 'six don'ts':</p><ul><li>don't go swimming on your own</li><li>don't go swimming with classmates without permission</li><li>don't swim without a parent or teacher</li><li>don't swim where there are no safety facilities or lifeguards</li><li>don't swim in water you don't know</li><li>if you can't swim well, don't go into the water to rescue someone</li></ul>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>看到有人落水，孩子要大声呼救、找大人帮忙，可以把竹竿、树枝伸过去，或者把泡沫板、空水桶扔过去，千万不要手拉手下水救人。大人要马上打110和120。你可以和村委会一起查一查村里危险的水边，请他们立警示牌、装护栏。</p>",
                                    "en": "<p>If children see someone fall into the water, they should shout for help and fetch an adult, hold out a bamboo pole or branch, or throw a foam board or empty bucket, but never form a human chain and go into the water. Adults should call 110 and 120 immediately. Walk the village with the village committee to find dangerous waters, and ask them to put up warning signs and fences.</p>",
                                },
                            ),
                            (
                                "tip",
                                {
                                    "zh": "暑假前办一次防溺水活动，请家长签一份安全承诺书，也提醒爷爷奶奶看好孩子。",
                                    "en": "Before the summer holiday, hold a drowning-prevention activity, ask parents to sign a safety pledge, and remind grandparents to keep a close eye on the children.",
                                },
                            ),
                            (
                                "reflection",
                                {
                                    "zh": "你们村哪些地方的水最危险？孩子们平时会不会去那里玩？",
                                    "en": "Which waters in your village are most dangerous? Do children go and play there?",
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "road-and-electrical-safety",
                        "title": {"zh": "交通和用电安全", "en": "Road and Electrical Safety"},
                        "minutes": 15,
                        "optional": False,
                        "body": [
                            ("heading", {"zh": "路上的安全", "en": "Safety on the road"}),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>农村路上大货车、三轮车、摩托车多，很多路没有人行道和红绿灯。要教孩子靠右走，过马路前先停下来左右看，不在路上追跑打闹。按照规定，不满12岁的孩子不能在道路上骑自行车，不满16岁不能骑电动自行车。也要提醒家长，不用农用三轮车拉孩子，骑摩托车、电动车带孩子要戴头盔。</p>",
                                    "en": "<p>Rural roads carry many lorries, tricycles and motorbikes, and many have no pavements or traffic lights. Teach children to walk on the right, stop and look both ways before crossing, and never chase or play on the road. By law, children under 12 may not ride a bicycle on the road, and those under 16 may not ride an e-bike. Remind parents too not to carry children on farm tricycles, and to put helmets on children when riding a motorbike or e-bike.</p>",
                                },
                            ),
                            ("heading", {"zh": "用电的安全", "en": "Safety with electricity"}),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>不要用湿手碰开关和插头，不往插座里塞东西，看到电线破了要告诉大人。打雷下雨时不在大树下躲雨，不在电线杆和变压器附近玩，不去碰掉在地上的电线。儿童之家的插座要装保护盖，电器用完拔掉插头。</p>",
                                    "en": "<p>Never touch switches or plugs with wet hands, never push things into sockets, and tell an adult when you see a damaged wire. In a thunderstorm, don't shelter under big trees, don't play near power poles or transformers, and never touch a wire lying on the ground. Sockets in the Children's Home should have safety covers, and appliances should be unplugged after use.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>看到有人触电，不能直接用手去拉，要先关掉电闸，或者用干木棍把电线挑开，然后马上打120。冬天用电暖器、电热毯，上面不能盖衣物，人走了要断电。可以带孩子在家里和儿童之家找一找哪里有用电危险，画成一张“安全地图”。</p>",
                                    "en": "<p>If someone gets an electric shock, never pull them with your hands; first switch off the power, or push the wire away with a dry wooden stick, then call 120 at once. In winter, don't cover electric heaters or electric blankets with clothes, and switch them off when you leave. Help children look for electrical dangers at home and in the Children's Home and draw them on a 'safety map'.</p>",
                                },
                            ),
                            (
                                "tip",
                                {
                                    "zh": "讲安全知识时多用游戏和演练，比如“过马路”“找危险”，比光讲道理效果好。",
                                    "en": "Teach safety through games and practice, such as 'crossing the road' or 'spot the danger'; it works better than just explaining.",
                                },
                            ),
                            (
                                "reflection",
                                {
                                    "zh": "你们村孩子上学的路上，哪一段最危险？可以怎样提醒孩子和家长？",
                                    "en": "Which stretch of the children's route to school is most dangerous? How could you warn children and parents?",
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "safety-drills",
                        "title": {"zh": "带孩子做安全演练", "en": "Extra Reading: Safety Drills"},
                        "minutes": 10,
                        "optional": True,
                        "body": [
                            (
                                "heading",
                                {
                                    "zh": "练过了，遇到才不慌",
                                    "en": "What children practise, they can do in a crisis",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>每学期可以在儿童之家办一两次安全演练，比如火灾逃生、地震避险、遇到陌生人怎么办。演练前先讲清楚要做什么，再一步一步地练，最后一起说说哪里做得好、哪里要改进。演练前要先检查逃生的路通不通，门有没有被堵住。</p>",
                                    "en": "<p>Each term, hold one or two safety drills at the Children's Home, such as escaping a fire, taking cover in an earthquake, or what to do when a stranger approaches. Explain what will happen first, practise step by step, and afterwards talk together about what went well and what to improve. Before a drill, check that the escape route is clear and no door is blocked.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>火灾逃生时要弯腰低头，用湿毛巾捂住口鼻，沿着墙往外走，不回去拿东西。地震时在屋里躲到结实的桌子下面，护住头，等震动停了再有序撤到空地上。</p>",
                                    "en": "<p>To escape a fire, bend low, cover your nose and mouth with a wet towel, follow the wall out, and never go back for belongings. In an earthquake, take cover under a sturdy table indoors and protect your head, then move out calmly to open ground once the shaking stops.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>“陌生人来接你”的情景，可以让孩子演一演：有人说“你妈妈让我来接你”，孩子要回答“我要先问问我家里人”，然后跑到人多的地方找熟悉的大人。演练时气氛要轻松，不要吓唬孩子。</p>",
                                    "en": "<p>Let children act out the 'stranger comes to collect you' scene: when someone says 'your mum asked me to pick you up', the child answers 'I need to check with my family first' and runs to a busy place to find an adult they know. Keep the mood light during drills and don't frighten the children.</p>",
                                },
                            ),
                            (
                                "tip",
                                {
                                    "zh": "可以请派出所民警或消防员来指导演练，孩子们会特别认真。",
                                    "en": "Invite an officer from the local police station or a firefighter to lead a drill; the children will take it very seriously.",
                                },
                            ),
                            (
                                "reflection",
                                {
                                    "zh": "如果你的儿童之家着火了，孩子们应该从哪个门出去，在哪里集合？",
                                    "en": "If your Children's Home caught fire, which door should the children use, and where should they gather?",
                                },
                            ),
                        ],
                    },
                ],
            },
        ],
    },
    # ------------------------------------------------------------------ intermediate 2
    {
        "slug": "parents-far-away-and-feelings",
        "level": "intermediate",
        "minutes": 95,
        "title": {"zh": "亲情联系与情感支持", "en": "Distant Parents and Children's Feelings"},
        "summary": {
            "zh": "学习怎样帮外出打工的父母和孩子保持联系，怎样倾听孩子、理解他们的想念和失落，和爷爷奶奶一起照顾好孩子，并知道什么时候要请专业的人帮忙。",
            "en": "Learn how to keep migrant parents and their children connected, how to listen to children and understand their longing and loss, how to work with grandparent carers, and when to ask professionals for help.",
        },
        "modules": [
            {
                "slug": "keeping-families-connected",
                "title": {"zh": "让亲情不断线", "en": "Keeping Families Connected"},
                "intro": {
                    "zh": "做父母和孩子之间的桥，让远方的爱每周都能传到孩子身边。",
                    "en": "Be the bridge between parents and children, so love from far away reaches the child every week.",
                },
                "lessons": [
                    {
                        "slug": "talking-with-parents",
                        "title": {"zh": "和外出父母沟通", "en": "Talking with Parents Far Away"},
                        "minutes": 15,
                        "optional": False,
                        "body": [
                            (
                                "heading",
                                {
                                    "zh": "让父母放心，也让父母尽责",
                                    "en": "Reassure parents and help them do their part",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>建档时就要记下每个孩子爸爸妈妈的电话和微信，问清楚他们在哪里打工、什么时间方便联系。第一次联系时先介绍自己，说明儿童之家是做什么的，请他们有事随时找你。很多父母在外面非常牵挂孩子，你的一条消息就能让他们安心。</p>",
                                    "en": "<p>When you open a child's file, note the parents' phone numbers and WeChat, and ask where they work and when it is convenient to contact them. The first time you get in touch, introduce yourself, explain what the Children's Home does, and invite them to contact you whenever they need to. Many parents working far away worry a great deal about their children, and a single message from you can put their minds at rest.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>和父母联系，不要只说坏消息。可以发孩子参加活动的照片，说说孩子最近的进步，比如“这周主动给小朋友讲了故事”。要说问题时，先讲事实，再一起商量办法，不要责怪父母不回家。</p>",
                                    "en": "<p>Don't only pass on bad news to parents. Send photos of the child taking part in activities and mention recent progress, such as 'this week she volunteered to tell the other children a story'. When you need to raise a problem, state the facts first and then work out a solution together; don't blame the parents for not coming home.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>要提醒父母：法律要求外出的父母至少每周和孩子、和照顾孩子的人联系一次。联系不能只问“考了多少分”，更要问孩子吃得好不好、开不开心、有什么想说的。如果父母长期不联系孩子，要记下来，并告诉儿童主任。</p>",
                                    "en": "<p>Remind parents that the law requires parents working away to contact the child and the carer at least once a week. Contact should not be only 'what marks did you get'; they should ask whether the child is eating well, whether they are happy and what they want to say. If parents go a long time without contacting the child, note it down and tell the children's director.</p>",
                                },
                            ),
                            (
                                "tip",
                                {
                                    "zh": "每个月在固定的日子给外出父母发一条孩子的近况，父母会很期待。",
                                    "en": "Send each parent working away a short update about their child on the same day every month; parents will look forward to it.",
                                },
                            ),
                            (
                                "reflection",
                                {
                                    "zh": "你负责的孩子里，有没有父母很久没联系的？你打算怎样和他们联系上？",
                                    "en": "Among the children you look after, are there parents who haven't been in touch for a long time? How will you reach them?",
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "video-calls",
                        "title": {"zh": "帮孩子和爸妈视频", "en": "Helping with Video Calls"},
                        "minutes": 15,
                        "optional": False,
                        "body": [
                            (
                                "heading",
                                {
                                    "zh": "让视频通话有话可说",
                                    "en": "Helping calls go beyond 'uh-huh'",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>不少孩子和父母视频时只会说“嗯”“好”“知道了”，几分钟就挂了。这不是孩子不想爸妈，而是不知道说什么。你可以帮孩子在视频前想好两三件想说的事，比如今天画了什么、学会了什么、遇到了什么烦恼。</p>",
                                    "en": "<p>Many children only say 'mm', 'OK' and 'got it' on video calls with their parents and hang up after a few minutes. It's not that they don't miss their parents; they just don't know what to say. Before a call, help the child think of two or three things to share, such as what they drew today, what they learned or what is bothering them.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>家里没有智能手机或者网络不好的孩子，可以在儿童之家固定时间视频，比如每周六下午。找一个安静的角落，让孩子能说悄悄话，你不要在旁边一直听。视频结束后问问孩子感觉怎么样，有的孩子挂了电话会哭，要陪他待一会儿。</p>",
                                    "en": "<p>Children without a smartphone or a good connection at home can video-call at the Children's Home at a fixed time, such as Saturday afternoons. Find a quiet corner where the child can speak privately, and don't stand there listening the whole time. Afterwards, ask the child how they feel; some children cry after hanging up, so stay with them for a while.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>还可以用别的办法让亲情流动起来。让孩子给父母写信、画画，拍下来发过去；请父母录一段讲故事的语音，睡前放给孩子听。父母或孩子过生日时，可以一起准备一个小惊喜。</p>",
                                    "en": "<p>There are other ways to keep love flowing too: children can write letters or draw pictures for their parents and send photos of them; parents can record themselves telling a story for the child to hear at bedtime; and for a parent's or child's birthday, you can prepare a small surprise together.</p>",
                                },
                            ),
                            (
                                "tip",
                                {
                                    "zh": "提醒父母视频时多夸孩子、多听孩子说，少批评成绩，孩子才会越来越愿意说。",
                                    "en": "Remind parents on video calls to praise more, listen more and criticise marks less; then children will become more and more willing to talk.",
                                },
                            ),
                            (
                                "reflection",
                                {
                                    "zh": "你觉得哪个孩子最需要多和父母视频？你可以怎样帮他准备？",
                                    "en": "Which child do you think most needs more video calls with their parents? How can you help them prepare?",
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "grandparent-carers",
                        "title": {"zh": "和爷爷奶奶合作", "en": "Extra Reading: Grandparents"},
                        "minutes": 10,
                        "optional": True,
                        "body": [
                            (
                                "heading",
                                {"zh": "爷爷奶奶是重要帮手", "en": "Grandparents are key partners"},
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>大多数留守孩子由爷爷奶奶照顾。老人很疼孩子，但常常年纪大、身体不好，有的不识字，辅导不了作业，也不太会用智能手机。有的老人只顾得上让孩子吃饱穿暖，孩子心里想什么就顾不上了。</p>",
                                    "en": "<p>Most left-behind children are cared for by their grandparents. Grandparents love the children dearly, but they are often old and in poor health; some cannot read, cannot help with homework and find smartphones hard to use. Some can only manage to keep the child fed and warm, with nothing left over for what the child is thinking and feeling.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>和老人打交道要有耐心，多尊重，多肯定他们的辛苦。说话慢一点、简单一点，可以面对面教他们用手机视频、看孩子的作业。防溺水、防火这些安全提醒，可以当面讲，也可以请孩子回家讲给爷爷奶奶听。</p>",
                                    "en": "<p>Be patient with grandparents, show respect and recognise how hard they work. Speak slowly and simply, and show them in person how to make video calls and look at the child's homework. Safety reminders, such as drowning and fire prevention, can be given face to face, or the children can take them home and explain them to their grandparents.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>如果老人生病、照顾不过来，孩子实际上没有人管，就要记进档案，联系孩子的父母商量办法，并告诉儿童主任。有需要时，可以帮这家人申请相关的帮扶政策。</p>",
                                    "en": "<p>If a grandparent is ill or cannot cope and the child is in fact left without care, record it in the file, contact the parents to work out a solution, and tell the children's director. Where needed, help the family apply for the support they are entitled to.</p>",
                                },
                            ),
                            (
                                "tip",
                                {
                                    "zh": "办活动时也请爷爷奶奶来参加，比如一起包饺子、讲老故事，老人和孩子都开心。",
                                    "en": "Invite grandparents to activities too, such as making dumplings or telling old stories together; both the elders and the children enjoy it.",
                                },
                            ),
                            (
                                "reflection",
                                {
                                    "zh": "你们村有没有照顾孩子很吃力的老人？你可以给他们什么帮助？",
                                    "en": "Are there grandparents in your village who struggle to look after the children? What help could you give them?",
                                },
                            ),
                        ],
                    },
                ],
            },
            {
                "slug": "childrens-feelings",
                "title": {"zh": "读懂孩子的心", "en": "Understanding Children's Feelings"},
                "intro": {
                    "zh": "学会倾听，理解孩子的想念和失落，知道什么时候要请专业的人帮忙。",
                    "en": "Learn to listen, understand children's longing and loss, and know when to bring in professional help.",
                },
                "lessons": [
                    {
                        "slug": "listening",
                        "title": {"zh": "学会倾听", "en": "Learning to Listen"},
                        "minutes": 15,
                        "optional": False,
                        "body": [
                            ("heading", {"zh": "先听，再说", "en": "Listen first, talk later"}),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>孩子愿意和你说心里话，是因为觉得你会认真听、不会骂他。倾听时蹲下来或者坐下来，和孩子一样高，看着他的眼睛，手里不要玩手机。孩子说的时候不要打断，也不要急着讲道理。</p>",
                                    "en": "<p>Children share what's on their minds when they feel you will listen properly and not scold them. When you listen, crouch or sit down at the child's height, look them in the eye, and put your phone away. Don't interrupt while the child is talking, and don't rush to lecture.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>可以用简单的话说出孩子的感受，比如“你是不是有点难过”“听起来你很生气”。孩子觉得被理解了，才会继续往下说。不要说“这有什么好哭的”“男孩子不许哭”，这样孩子以后就不说了。</p>",
                                    "en": "<p>Put the child's feelings into simple words, such as 'are you feeling a bit sad?' or 'it sounds like you're really angry'. When children feel understood, they keep talking. Don't say 'what's there to cry about' or 'boys don't cry', or the child will stop telling you things.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>有的孩子不爱说话，可以让他通过画画、捏泥、讲故事、玩玩偶来表达。每周找一个固定的时间和孩子单独待一会儿，哪怕只有十分钟，也能慢慢建立信任。信任是一点一点攒起来的，不要着急。</p>",
                                    "en": "<p>Some children don't like to talk; let them express themselves through drawing, modelling clay, stories or puppets. Find a regular time each week to spend alone with the child, even just ten minutes, and trust will slowly grow. Trust builds up bit by bit, so don't hurry.</p>",
                                },
                            ),
                            (
                                "tip",
                                {
                                    "zh": "和孩子说话时多问“怎么了”“后来呢”，少问“为什么”，“为什么”常常让孩子觉得是在挨批评。",
                                    "en": "When talking with children, ask 'what happened?' and 'and then?' more, and 'why?' less; 'why' often makes children feel they are being told off.",
                                },
                            ),
                            (
                                "reflection",
                                {
                                    "zh": "最近一次孩子和你说心里话，你是怎样回应的？下次可以怎样做得更好？",
                                    "en": "The last time a child opened up to you, how did you respond? What could you do better next time?",
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "missing-parents",
                        "title": {"zh": "想念和失落", "en": "Missing Parents"},
                        "minutes": 20,
                        "optional": False,
                        "body": [
                            ("heading", {"zh": "每次分别都让人难过", "en": "Every parting hurts"}),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>过完春节父母离开的那几天，是很多留守孩子最难过的时候。有的孩子哭闹，有的变得不说话，有的发脾气、打架、不想上学，还有的会头疼、肚子疼。这些都是想念和失落的表现，不是孩子“不懂事”。</p>",
                                    "en": "<p>The days after Spring Festival, when parents leave again, are the hardest time for many left-behind children. Some cry and fuss, some go quiet, some lose their temper, fight or refuse to go to school, and some get headaches or stomach aches. These are all signs of missing their parents and feeling loss, not of a child 'misbehaving'.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>可以这样帮孩子：</p><ul><li>提醒父母提前告诉孩子哪天走，好好告别，不要趁孩子睡着偷偷走</li><li>让孩子说出来或者画出来心里的感受，告诉他想爸爸妈妈是正常的</li><li>和孩子一起做一个“想念本”，把想对父母说的话写下来</li><li>父母走后的几个星期，多去看看孩子，多安排他喜欢的活动</li></ul>",
                                    "en": "<p>Here is how you can help:</p><ul><li>remind parents to tell the child in advance which day they will leave and to say a proper goodbye, not slip away while the child is asleep</li><li>let the child say or draw how they feel, and tell them it is normal to miss mum and dad</li><li>make a 'missing you' notebook with the child for writing down what they want to tell their parents</li><li>in the weeks after the parents leave, visit the child more often and plan activities they enjoy</li></ul>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>有的孩子会觉得“爸爸妈妈不要我了”，或者觉得是自己不乖，父母才走的。要告诉孩子，父母出去打工是为了这个家，他们一直爱着他。也要提醒父母，在外面多通过电话、视频让孩子感受到这份爱。</p>",
                                    "en": "<p>Some children feel 'mum and dad don't want me', or think their parents left because they were naughty. Tell the child that their parents went away to work for the family and that they love them always. Remind parents, too, to let the child feel that love through calls and video chats while they are away.</p>",
                                },
                            ),
                            (
                                "tip",
                                {
                                    "zh": "春节后开学的第一个月，可以在儿童之家办一次“我的家”主题活动，让孩子聊聊家里人。",
                                    "en": "In the first month of term after Spring Festival, run a 'My Family' activity at the Children's Home and let the children talk about their families.",
                                },
                            ),
                            (
                                "reflection",
                                {
                                    "zh": "你小时候有没有和亲人分别的经历？当时你最需要的是什么？",
                                    "en": "As a child, were you ever separated from someone you loved? What did you need most at the time?",
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "when-to-refer",
                        "title": {"zh": "什么时候要转介", "en": "When to Refer"},
                        "minutes": 20,
                        "optional": False,
                        "body": [
                            (
                                "heading",
                                {
                                    "zh": "知道自己能做到哪一步",
                                    "en": "Know the limits of your role",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>你是孩子的陪伴者，不是医生，也不是心理咨询师。大部分孩子的情绪，通过陪伴、倾听和活动会慢慢变好。但有些情况靠你一个人是不够的，要及时请更专业的人来帮忙，这叫转介。</p>",
                                    "en": "<p>You are a companion to the child, not a doctor or a counsellor. Most children's emotional troubles ease gradually with company, listening and activities. But some situations are more than you can handle alone, and you need to bring in more specialised help promptly; this is called referral.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>出现这些情况要马上转介：</p><ul><li>孩子说“不想活了”、写告别的话，或者有伤害自己的行为</li><li>连续两个星期以上情绪很低落，不吃饭、睡不着、不愿出门</li><li>突然不去上学，或者成绩、性格变化很大</li><li>你怀疑孩子受到了虐待或者侵害</li></ul>",
                                    "en": "<p>Refer a child at once if:</p><ul><li>the child says they don't want to live, writes goodbye messages or harms themselves</li><li>the child has been very low for more than two weeks, not eating, not sleeping or not wanting to go out</li><li>the child suddenly stops going to school, or their marks or personality change sharply</li><li>you suspect the child has been abused or assaulted</li></ul>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>转介时先告诉儿童主任和村委会，一起联系孩子的父母和学校老师，需要时由乡镇和民政部门联系心理老师或医院。如果孩子有伤害自己的危险，不要让他一个人待着，马上联系家人，紧急时打110或120。转介以后你还要继续陪伴孩子，并在档案里记下处理经过。</p>",
                                    "en": "<p>To refer, first tell the children's director and the village committee, contact the parents and the child's teacher together, and where needed the township and civil affairs department will arrange a school counsellor or hospital. If the child is at risk of self-harm, don't leave them alone; contact the family at once and call 110 or 120 in an emergency. After referral, keep being there for the child and record what was done in the file.</p>",
                                },
                            ),
                            (
                                "tip",
                                {
                                    "zh": "孩子说到“死”的时候，不要回避，也不要说“别瞎想”，要认真问清楚，并马上找人帮忙。",
                                    "en": "When a child talks about dying, don't avoid it or say 'don't be silly'; ask them about it seriously and get help straight away.",
                                },
                            ),
                            (
                                "reflection",
                                {
                                    "zh": "如果要为孩子找心理方面的帮助，在你们县可以找谁？你现在知道吗？",
                                    "en": "If a child needed mental health support, who could you turn to in your county? Do you know yet?",
                                },
                            ),
                        ],
                    },
                ],
            },
        ],
    },
    # ------------------------------------------------------------------ advanced 1
    {
        "slug": "designing-activities",
        "level": "advanced",
        "minutes": 100,
        "title": {"zh": "设计儿童活动", "en": "Designing Children's Activities"},
        "summary": {
            "zh": "学习按周定主题、按年龄分组、就地取材设计活动，写好活动方案，活动后认真复盘，让每个孩子都能参与进来。",
            "en": "Learn to design activities with weekly themes, age groups and low-cost local materials, write a clear activity plan, review it afterwards, and make sure every child can take part.",
        },
        "modules": [
            {
                "slug": "planning-activities",
                "title": {"zh": "策划活动", "en": "Planning Activities"},
                "intro": {
                    "zh": "从孩子的需要出发，定好主题、分好组、备好材料。",
                    "en": "Start from what children need: choose the theme, group the children and gather the materials.",
                },
                "lessons": [
                    {
                        "slug": "weekly-themes",
                        "title": {"zh": "每周一个主题", "en": "A Theme Each Week"},
                        "minutes": 15,
                        "optional": False,
                        "body": [
                            ("heading", {"zh": "提前排好一学期", "en": "Plan a whole term ahead"}),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>每学期开始前，排好一学期的活动主题，一周一个。主题可以从这些方面来想：安全、健康、读书、手工、运动、传统节日、感恩家人、认识家乡。这样既有变化，又能照顾到孩子成长的方方面面。</p>",
                                    "en": "<p>Before each term starts, plan the term's activity themes, one per week. Themes can come from areas such as safety, health, reading, crafts, sport, traditional festivals, appreciating family and knowing your hometown. That gives variety while covering every side of children's development.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>主题要跟着时节走：春天种植物、观察小蝌蚪；放暑假前讲防溺水；中秋节做月饼、给父母写信；冬天讲防火、防煤气中毒。开学初和春节后孩子情绪波动大，可以多安排让孩子说说心里话的活动。</p>",
                                    "en": "<p>Let themes follow the seasons: planting and watching tadpoles in spring; drowning prevention before the summer holiday; mooncakes and letters to parents at Mid-Autumn Festival; fire safety and carbon monoxide poisoning in winter. At the start of term and after Spring Festival, when children's moods swing, plan more activities that let them talk about their feelings.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>定主题之前，最好问问孩子们想玩什么、想学什么，可以让他们投票。孩子自己选的主题，参加的积极性会高很多。排好的计划贴在墙上，也发给村委会和家长。</p>",
                                    "en": "<p>Before fixing the themes, ask the children what they want to play and learn, and let them vote. Children take part far more eagerly in themes they chose themselves. Post the finished plan on the wall and share it with the village committee and parents.</p>",
                                },
                            ),
                            (
                                "tip",
                                {
                                    "zh": "同一个主题可以年年做，但每次换一点新花样，孩子就不会腻。",
                                    "en": "You can repeat a theme every year; just add something new each time so the children don't get bored.",
                                },
                            ),
                            (
                                "reflection",
                                {
                                    "zh": "下个月有什么节日或者季节变化？你可以安排什么主题？",
                                    "en": "What festivals or seasonal changes come next month? What themes could you plan around them?",
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "age-groups",
                        "title": {"zh": "按年龄分组", "en": "Working with Age Groups"},
                        "minutes": 20,
                        "optional": False,
                        "body": [
                            (
                                "heading",
                                {
                                    "zh": "大孩子、小孩子都要顾到",
                                    "en": "Cater for older and younger children",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>儿童之家的孩子从三四岁到十几岁都有，同一个活动很难让所有人都喜欢。可以大致分成三组：</p><ul><li>学龄前（3到6岁）：做游戏、听故事、唱儿歌、涂颜色，每次不超过20分钟</li><li>小学低年级（7到9岁）：做手工、简单的比赛、角色扮演</li><li>小学高年级和初中（10岁以上）：讨论、做小调查、自己策划和主持活动</li></ul>",
                                    "en": "<p>Children at the Children's Home range from three or four to their teens, and one activity rarely suits them all. Roughly divide them into three groups:</p><ul><li>pre-school (3 to 6): games, stories, nursery songs and colouring, no more than 20 minutes at a time</li><li>lower primary (7 to 9): crafts, simple contests and role play</li><li>upper primary and middle school (10 and over): discussions, small surveys, and planning and leading activities themselves</li></ul>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>同一个主题可以分层来做。比如“认识家乡”，小的孩子画自己的家，中间的孩子画一张村里的地图，大的孩子去采访村里的老人，再讲给大家听。大家在同一个主题里，各做各能做的事。</p>",
                                    "en": "<p>One theme can be done at different levels. For 'knowing our hometown', for example, the youngest draw their own house, the middle group draws a map of the village, and the oldest interview village elders and report back to everyone. Everyone works on the same theme, each doing what they are able to.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>大孩子可以当“小老师”“小组长”，帮忙照顾小的孩子、发材料、维持秩序。这样既减轻你的负担，也让大孩子有责任感和成就感。但不要总让大孩子带小孩子，他们也需要自己玩的时间。</p>",
                                    "en": "<p>Older children can act as 'little teachers' or group leaders, helping the younger ones, handing out materials and keeping order. This lightens your load and gives older children a sense of responsibility and achievement. But don't always make them look after the little ones; they need time to play for themselves too.</p>",
                                },
                            ),
                            (
                                "tip",
                                {
                                    "zh": "上初中的孩子不喜欢被当成小孩子，多听听他们的意见，请他们帮忙出主意。",
                                    "en": "Middle-school children don't like being treated as little kids; listen to their views and ask them for ideas.",
                                },
                            ),
                            (
                                "reflection",
                                {
                                    "zh": "在你的儿童之家，哪个年龄段的孩子最难带？为什么？",
                                    "en": "In your Children's Home, which age group is hardest to work with? Why?",
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "low-cost-materials",
                        "title": {"zh": "就地取材", "en": "Extra Reading: Low-Cost Materials"},
                        "minutes": 10,
                        "optional": True,
                        "body": [
                            (
                                "heading",
                                {"zh": "身边到处是材料", "en": "Materials are all around you"},
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>办活动不一定要花很多钱，村里和家里随手就能找到很多材料：</p><ul><li>塑料瓶、纸箱、鸡蛋托：做手工、做玩具</li><li>树叶、石头、种子、稻草：做拼贴画、学数数、认识植物</li><li>旧报纸、旧挂历、碎布头：折纸、包书皮、缝小布袋</li><li>旧轮胎、竹竿、绳子：跳绳、跳房子、做障碍赛</li></ul>",
                                    "en": "<p>Activities don't need to cost much; plenty of materials can be found around the village and at home:</p><ul><li>plastic bottles, cardboard boxes and egg trays: crafts and toys</li><li>leaves, stones, seeds and straw: collages, counting and learning about plants</li><li>old newspapers, old calendars and fabric scraps: origami, book covers and little cloth bags</li><li>old tyres, bamboo poles and rope: skipping, hopscotch and obstacle courses</li></ul>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>可以在儿童之家放一个“百宝箱”，请孩子和家长把干净的废旧材料送来。用之前要检查，去掉尖锐的边角，瓶子罐子要洗干净，装过农药和清洁剂的瓶子一律不用。</p>",
                                    "en": "<p>Keep a 'treasure box' at the Children's Home and ask children and parents to bring in clean scrap materials. Check everything before use, remove sharp edges, wash bottles and tins, and never use any container that held pesticide or cleaning products.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>村里的老人和手艺人也是宝贵的资源。请会编竹篮、剪窗花、打草鞋、唱山歌的老人来教孩子，不花钱，孩子还能了解家乡的文化。</p>",
                                    "en": "<p>Village elders and craftspeople are a precious resource too. Invite elders who can weave bamboo baskets, cut paper window decorations, make straw sandals or sing folk songs to teach the children; it costs nothing, and the children learn about their home culture.</p>",
                                },
                            ),
                            (
                                "tip",
                                {
                                    "zh": "每次用过的好点子都记下来，慢慢就攒成了一本你自己的活动手册。",
                                    "en": "Note down every good idea you use, and bit by bit you'll build up your own activity handbook.",
                                },
                            ),
                            (
                                "reflection",
                                {
                                    "zh": "你们村有什么特别的材料或者手艺，可以变成孩子的活动？",
                                    "en": "What special materials or crafts in your village could become activities for children?",
                                },
                            ),
                        ],
                    },
                ],
            },
            {
                "slug": "running-and-reviewing",
                "title": {"zh": "开展与反思", "en": "Running and Reviewing"},
                "intro": {
                    "zh": "写好方案，带好活动，做完认真复盘，让每个孩子都参与进来。",
                    "en": "Write a plan, lead the activity, review it carefully afterwards, and bring every child in.",
                },
                "lessons": [
                    {
                        "slug": "activity-plan",
                        "title": {"zh": "写活动方案", "en": "Writing an Activity Plan"},
                        "minutes": 20,
                        "optional": False,
                        "body": [
                            (
                                "heading",
                                {
                                    "zh": "方案写清楚，活动不慌乱",
                                    "en": "A clear plan keeps things calm",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>每次主题活动前，用一页纸写一个简单的方案，写清楚这几样：</p><ul><li>活动目标：希望孩子学会什么、感受到什么</li><li>对象和人数：哪个年龄段，大概多少孩子</li><li>时间和地点</li><li>材料清单</li><li>活动步骤：开场、主要活动、分享总结，各用多长时间</li><li>安全注意事项，以及下雨等意外情况的备用办法</li></ul>",
                                    "en": "<p>Before each themed activity, write a simple one-page plan that covers:</p><ul><li>goal: what you want the children to learn or feel</li><li>who and how many: which age group and roughly how many children</li><li>time and place</li><li>list of materials</li><li>steps: opening, main activity, sharing and wrap-up, and how long each takes</li><li>safety points, plus a backup plan for rain or other surprises</li></ul>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>目标要具体，不要写“提高孩子的安全意识”这样很空的话，而要写“孩子能说出村里三个危险的水边，知道有人落水时怎样呼救”。目标具体了，活动后才能看出做得好不好。一次活动有一两个目标就够了。</p>",
                                    "en": "<p>Make the goal concrete. Instead of a vague line like 'raise children's safety awareness', write 'children can name three dangerous waters in the village and know how to call for help if someone falls in'. With a concrete goal, you can tell afterwards whether the activity worked. One or two goals per activity are enough.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>活动步骤一般分三段：开头用游戏或故事把孩子吸引过来；中间是主要活动，让孩子动手、动脑、动嘴；最后留几分钟，让孩子说说学到了什么、喜欢什么。外出的活动，比如参观、爬山，要提前告诉家长，多请几个大人帮忙，出发和回来都要清点人数。</p>",
                                    "en": "<p>Activities usually have three parts: open with a game or story to draw the children in; then the main activity, where children use their hands, heads and voices; and finally a few minutes for children to say what they learned and liked. For outings, such as visits or hill walks, tell parents in advance, ask several adults to help, and count the children both when you set off and when you return.</p>",
                                },
                            ),
                            (
                                "tip",
                                {
                                    "zh": "第一次做的活动，可以先找两三个孩子试一试，发现问题再改。",
                                    "en": "For a brand-new activity, try it out with two or three children first and fix any problems you find.",
                                },
                            ),
                            (
                                "reflection",
                                {
                                    "zh": "想一个你下周要办的活动，它的目标用一句话怎么说？",
                                    "en": "Think of an activity you'll run next week. How would you state its goal in one sentence?",
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "reviewing-an-activity",
                        "title": {"zh": "活动后复盘", "en": "Reviewing an Activity"},
                        "minutes": 15,
                        "optional": False,
                        "body": [
                            (
                                "heading",
                                {"zh": "做完了，想一想", "en": "Afterwards, think it over"},
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>每次活动结束后，花十分钟回想一下。可以问自己四个问题：</p><ul><li>目标达到了吗？从哪里看出来的？</li><li>孩子们什么时候最投入，什么时候走神了？</li><li>有没有孩子没参与进来？为什么？</li><li>下次再做，要改哪一点？</li></ul>",
                                    "en": "<p>After each activity, spend ten minutes thinking it over. Ask yourself four questions:</p><ul><li>Was the goal reached? How can you tell?</li><li>When were the children most absorbed, and when did they lose interest?</li><li>Did any child not take part? Why?</li><li>What one thing would you change next time?</li></ul>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>也要听听孩子的想法。可以让他们用举手、贴笑脸、投豆子的办法选出“最喜欢的部分”，大一点的孩子还可以提建议。孩子的反馈往往很直接，是改进活动最好的依据。</p>",
                                    "en": "<p>Listen to the children's views too. Let them choose their 'favourite part' by raising hands, sticking on smiley faces or voting with beans, and older children can make suggestions. Children's feedback is usually very direct, and it is the best guide for improving an activity.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>把复盘的结果写在活动记录后面，和照片一起保存。攒上一学期，翻一翻就知道哪些活动孩子最喜欢，哪些要改进或者不再做。在妈妈们的交流会上，也可以拿出来和大家分享。</p>",
                                    "en": "<p>Write your review at the end of the activity record and keep it with the photos. After a term, leaf through them and you'll see which activities the children loved most and which need changing or dropping. You can also bring them to share at meetings with other mothers.</p>",
                                },
                            ),
                            (
                                "tip",
                                {
                                    "zh": "复盘不是批评自己，做得好的地方也要写下来，下次接着用。",
                                    "en": "Reviewing isn't criticising yourself; write down what went well too, so you can use it again.",
                                },
                            ),
                            (
                                "reflection",
                                {
                                    "zh": "回想最近一次活动，哪一刻孩子们最开心？你做对了什么？",
                                    "en": "Think of your latest activity: when were the children happiest? What did you do right?",
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "including-every-child",
                        "title": {"zh": "让每个孩子都参与", "en": "Including Every Child"},
                        "minutes": 20,
                        "optional": False,
                        "body": [
                            ("heading", {"zh": "不落下一个孩子", "en": "Leave no child out"}),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>每次活动，总有孩子站在边上不说话。有的是胆小，有的是身体不方便，有的觉得自己做不好，还有的是被别的孩子排挤。你要留心这些孩子，想办法让他们也参加进来。</p>",
                                    "en": "<p>In every activity there are children standing at the edge, saying nothing. Some are shy, some have a disability, some think they'll do it badly, and some are being left out by other children. Keep an eye on these children and find ways to bring them in.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>可以这样做：</p><ul><li>给有残疾的孩子调整活动方式，比如安排坐着也能玩的游戏</li><li>给胆小的孩子安排简单的任务，比如发材料、计时，再慢慢让他发言</li><li>分组时由你来分，不让孩子自己挑人，避免总有人被剩下</li><li>说方言或少数民族语言的孩子，可以请他教大家说几句</li></ul>",
                                    "en": "<p>Here is what you can do:</p><ul><li>adapt activities for children with disabilities, for example with games that can be played sitting down</li><li>give shy children simple jobs like handing out materials or keeping time, then gradually invite them to speak</li><li>make the groups yourself instead of letting children pick, so no one is always left over</li><li>invite children who speak a dialect or an ethnic minority language to teach everyone a few words</li></ul>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>男孩女孩要有一样的机会，女孩也可以踢球，男孩也可以做手工。发现孩子之间有取笑、欺负，要马上制止，并和大家一起定下“不嘲笑别人”的规矩。困难家庭的孩子交不起材料费，就不要收费，也不要当着大家的面提他家的情况。</p>",
                                    "en": "<p>Boys and girls should get the same chances: girls can play football and boys can do crafts. If you see children mocking or bullying each other, stop it straight away and agree a 'we don't laugh at others' rule together. If a child from a poor family can't pay for materials, don't charge them, and never mention their family's situation in front of others.</p>",
                                },
                            ),
                            (
                                "tip",
                                {
                                    "zh": "多表扬孩子的努力，不要只表扬做得最好的，这样每个孩子都敢试一试。",
                                    "en": "Praise children's effort, not only the best results, so that every child dares to have a go.",
                                },
                            ),
                            (
                                "reflection",
                                {
                                    "zh": "你的儿童之家里，有没有总站在边上的孩子？下次活动你可以给他安排什么角色？",
                                    "en": "Is there a child in your Children's Home who always stays at the edge? What role could you give them in the next activity?",
                                },
                            ),
                        ],
                    },
                ],
            },
        ],
    },
    # ------------------------------------------------------------------ advanced 2
    {
        "slug": "training-and-mentoring",
        "level": "advanced",
        "minutes": 100,
        "title": {"zh": "培训和带教新妈妈", "en": "Training and Mentoring Mothers"},
        "summary": {
            "zh": "为当带教老师做准备：学习怎样上好一堂培训课，怎样观察和反馈，怎样定期带教新妈妈、评估她能不能独立上岗，同时照顾好自己。",
            "en": "Prepare to become a mentor: learn how to run a training session, observe and give feedback, coach new mothers regularly, judge whether they are ready to work on their own, and look after yourself.",
        },
        "modules": [
            {
                "slug": "running-training",
                "title": {"zh": "上好培训课", "en": "Running a Training Session"},
                "intro": {
                    "zh": "用妈妈们听得懂、用得上的方式，把你的经验教给别人。",
                    "en": "Pass on your experience in ways other mothers can understand and put to use.",
                },
                "lessons": [
                    {
                        "slug": "preparing-a-session",
                        "title": {"zh": "准备培训课", "en": "Preparing a Session"},
                        "minutes": 20,
                        "optional": False,
                        "body": [
                            (
                                "heading",
                                {
                                    "zh": "先想清楚学员需要什么",
                                    "en": "Start with what learners need",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>上课前先了解学员：有多少人，当守护妈妈多久了，工作中最头疼的是什么。新妈妈最需要的是家访、建档、开门办活动这些基本功；做了几年的妈妈，更需要处理难题的办法。可以提前给几位打个电话，或者发一份简单的问卷。</p>",
                                    "en": "<p>Before the session, find out about the learners: how many there are, how long they have been companion mothers, and what troubles them most in their work. New mothers most need the basics such as home visits, keeping files and running the Home; mothers with a few years' experience need ways of handling difficult cases. Phone a few of them in advance or send a short questionnaire.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>一堂课的目标不要多，两三个就够了，比如“学员能说出家访要带的东西，能填好一张家访记录表”。按目标安排内容和时间，你自己讲的时间一般不超过三分之一，剩下的时间让学员练习和讨论。准备好要用的材料：真实的表格样本、案例、大白纸、彩笔。</p>",
                                    "en": "<p>Keep the goals of a session few, two or three at most, such as 'learners can list what to bring on a home visit and fill in a visit form correctly'. Plan the content and timing around the goals; you should usually talk for no more than a third of the time and leave the rest for practice and discussion. Prepare your materials: real sample forms, case stories, large sheets of paper and coloured pens.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>提前到场看看场地，桌椅摆成半圆或者几个小组，方便大家讨论。有人带孩子来，安排一个角落，请一个人帮忙照看。把课程时间表贴在墙上，按时开始、按时结束，中间留出休息时间。</p>",
                                    "en": "<p>Arrive early to check the room, and arrange the tables and chairs in a semicircle or small groups so people can talk. If some bring their children, set aside a corner and ask someone to keep an eye on them. Post the timetable on the wall, start and finish on time, and leave time for breaks.</p>",
                                },
                            ),
                            (
                                "tip",
                                {
                                    "zh": "准备两三个你自己遇到过的真实故事，去掉孩子的名字和能认出身份的信息，比讲大道理更能打动人。",
                                    "en": "Prepare two or three true stories from your own work, with children's names and any identifying details removed; they move people far more than lectures do.",
                                },
                            ),
                            (
                                "reflection",
                                {
                                    "zh": "回想你自己刚当守护妈妈时，最希望培训老师教你什么？",
                                    "en": "Think back to when you were a new companion mother: what did you most wish the trainer had taught you?",
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "how-adults-learn",
                        "title": {"zh": "大人怎样学得好", "en": "Extra Reading: How Adults Learn"},
                        "minutes": 10,
                        "optional": True,
                        "body": [
                            ("heading", {"zh": "大人靠做来学", "en": "Adults learn by doing"}),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>大人学东西，喜欢和自己生活、工作有关的内容，学了就想马上用上。一直坐着听讲，很多人半个小时就走神了。所以培训要多让学员动起来：讨论、角色扮演、小组比赛、现场练习填表。</p>",
                                    "en": "<p>Adults like to learn things connected to their own lives and work, and want to use what they learn straight away. Sitting and listening the whole time, many people drift off within half an hour. So get learners moving in training: discussions, role play, group contests and practising filling in forms on the spot.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>角色扮演特别有用。比如一个人演守护妈妈，一个人演不欢迎家访的老人，其他人在旁边看，演完大家说说哪里做得好、哪里可以换个说法。演过一次，真遇到的时候就不慌了。</p>",
                                    "en": "<p>Role play is especially useful. For example, one person plays the companion mother, another plays a grandparent who doesn't welcome the visit, and the others watch; afterwards everyone says what went well and what could be said differently. Once they have acted it out, they won't panic when it happens for real.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>要尊重每个学员的经验，很多妈妈自己带大了几个孩子，懂得很多。多请她们分享，多说“你这个办法很好”。有的妈妈识字不多或者不敢说话，可以让她用说来代替写，先在小组里说，再慢慢在大家面前说。</p>",
                                    "en": "<p>Respect every learner's experience; many mothers have raised several children of their own and know a great deal. Invite them to share often, and say 'that's a great idea' often. If a mother can't read much or is afraid to speak, let her speak instead of write, first in a small group and then gradually in front of everyone.</p>",
                                },
                            ),
                            (
                                "tip",
                                {
                                    "zh": "每讲完一部分，请一位学员用自己的话说一遍，就知道大家听懂了没有。",
                                    "en": "After each part, ask a learner to say it back in her own words; that tells you whether people have understood.",
                                },
                            ),
                            (
                                "reflection",
                                {
                                    "zh": "你参加过的培训里，哪种方式让你印象最深？为什么？",
                                    "en": "Of all the trainings you've attended, which method made the deepest impression on you? Why?",
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "observing-and-feedback",
                        "title": {"zh": "观察和反馈", "en": "Observing and Giving Feedback"},
                        "minutes": 20,
                        "optional": False,
                        "body": [
                            (
                                "heading",
                                {
                                    "zh": "看得仔细，说得具体",
                                    "en": "Watch closely, speak specifically",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>带教新妈妈，最好的办法是到现场看她怎么做，比如陪她去一次家访，或者看她带一次活动。观察时只看不插手，除非孩子有安全问题。把看到的具体事情记下来，比如“她蹲下来和孩子说话，孩子笑了”“她当着奶奶的面问孩子有没有挨打”。</p>",
                                    "en": "<p>The best way to coach a new mother is to see her at work, for example by joining her on a home visit or watching her lead an activity. While observing, watch without stepping in, unless a child's safety is at risk. Write down specific things you see, such as 'she crouched down to talk and the child smiled' or 'she asked the child whether he'd been hit in front of his grandmother'.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>反馈要在结束以后单独说，不要当着孩子和家长的面。可以按这个顺序来：</p><ul><li>先请她自己说说，觉得哪里做得好、哪里不满意</li><li>你说一两个具体做得好的地方</li><li>再说一个最重要的改进点，一起想办法</li><li>最后约好下次练什么</li></ul>",
                                    "en": "<p>Give feedback afterwards and in private, never in front of the children or family. You can follow this order:</p><ul><li>first ask her what she thinks went well and what she wasn't happy with</li><li>name one or two specific things she did well</li><li>then raise the single most important point to improve, and work out how together</li><li>finally agree what she will practise next time</li></ul>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>反馈要说具体的事，不说笼统的评价。说“你问问题时孩子一直低着头，下次可以先聊聊他喜欢的动画片”，比说“你不会和孩子沟通”有用得多。一次只改一两点，改多了记不住，也容易灰心。</p>",
                                    "en": "<p>Feedback should be about specific actions, not general judgements. Saying 'when you asked questions, the child kept his head down; next time try chatting about his favourite cartoon first' is far more useful than 'you can't communicate with children'. Work on only one or two points at a time; more than that is hard to remember and easily discouraging.</p>",
                                },
                            ),
                            (
                                "tip",
                                {
                                    "zh": "反馈时多用“我看到……”“下次可以试试……”，少用“你不应该……”。",
                                    "en": "In feedback, say 'I noticed...' and 'next time you could try...' more, and 'you shouldn't...' less.",
                                },
                            ),
                            (
                                "reflection",
                                {
                                    "zh": "别人给过你的反馈里，哪一次让你收获最大？对方是怎么说的？",
                                    "en": "Of the feedback others have given you, which helped you most? How did they put it?",
                                },
                            ),
                        ],
                    },
                ],
            },
            {
                "slug": "mentoring-new-mothers",
                "title": {"zh": "带教新妈妈", "en": "Mentoring New Mothers"},
                "intro": {
                    "zh": "定期联系，陪新妈妈成长，评估她能不能独立工作，也别忘了照顾好自己。",
                    "en": "Keep in regular contact, help new mothers grow, judge when they can work on their own, and don't forget to look after yourself.",
                },
                "lessons": [
                    {
                        "slug": "coaching-contacts",
                        "title": {"zh": "定期带教联系", "en": "Regular Coaching Contacts"},
                        "minutes": 15,
                        "optional": False,
                        "body": [
                            (
                                "heading",
                                {
                                    "zh": "联系要固定，内容要实在",
                                    "en": "Keep contact regular and practical",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>一位带教老师一般负责几位新妈妈。新妈妈刚上岗的前三个月，最好每两周联系一次，以后可以每月一次。可以打电话、视频，有条件时每个季度去她村里看一看。</p>",
                                    "en": "<p>A mentor usually looks after several new mothers. In a new mother's first three months, get in touch every two weeks if possible, and monthly after that. Contact can be by phone or video, with a visit to her village once a quarter where you can manage it.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>每次联系前想好要问的几件事：</p><ul><li>这段时间儿童之家开得怎么样，来了多少孩子</li><li>做了几次家访，档案有没有更新</li><li>遇到了什么难题，需要什么帮助</li><li>上次约好要练的事情做得怎么样</li></ul>",
                                    "en": "<p>Before each contact, decide what you will ask about:</p><ul><li>how the Children's Home has been going and how many children came</li><li>how many home visits she made, and whether the files are up to date</li><li>what difficulties she met and what help she needs</li><li>how she got on with what you agreed she would practise</li></ul>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>每次联系后简单记一笔：日期、谈了什么、约好下次做什么。发现新妈妈遇到孩子的安全问题，要帮她马上报告，不能等到下次联系。带教是陪伴，不是检查，要让新妈妈有了问题愿意来找你。</p>",
                                    "en": "<p>After each contact, make a short note: the date, what you discussed and what you agreed for next time. If you learn that a new mother is facing a child safety problem, help her report it immediately; don't wait for the next contact. Mentoring is support, not inspection; new mothers should feel they can come to you with any problem.</p>",
                                },
                            ),
                            (
                                "tip",
                                {
                                    "zh": "建一个带教小群，让妈妈们互相回答问题，你不用每件事都亲自回复。",
                                    "en": "Set up a small group chat for your mentees so the mothers can answer each other's questions; you don't have to reply to everything yourself.",
                                },
                            ),
                            (
                                "reflection",
                                {
                                    "zh": "你带的新妈妈里，谁最近联系得最少？你打算什么时候联系她？",
                                    "en": "Which of your new mothers have you been in touch with least lately? When will you contact her?",
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "signing-off",
                        "title": {"zh": "结业评估", "en": "Signing a Mother Off"},
                        "minutes": 20,
                        "optional": False,
                        "body": [
                            ("heading", {"zh": "用事实说话", "en": "Let the evidence speak"}),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>新妈妈完成初级培训和一段时间的带教后，要由带教老师评估她能不能独立工作。评估不是考试，而是看她平时真正做得怎么样。可以对照一张清单来看：</p><ul><li>儿童之家按时开门，每周有主题活动，记录齐全</li><li>家访按计划进行，每个孩子都有档案，每季度更新</li><li>知道发现危险时找谁、怎么报告</li><li>能保护好孩子的隐私</li></ul>",
                                    "en": "<p>Once a new mother has finished primary training and a period of mentoring, her mentor assesses whether she can work on her own. This is not an exam; it is about how she actually does the work day to day. Use a checklist:</p><ul><li>the Children's Home opens on time, has a themed activity each week and complete records</li><li>home visits follow the plan, every child has a file, and files are updated every quarter</li><li>she knows who to call and how to report when a child is in danger</li><li>she protects children's privacy</li></ul>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>评估时要亲眼看：翻一翻签到表和档案，陪她做一次家访或者看她带一次活动，再问她两三个情景题，比如“孩子告诉你他被打了，你怎么办”。每一项都写下你看到的证据，不凭印象打分。</p>",
                                    "en": "<p>Assess with your own eyes: look through the sign-in sheets and files, join her on a home visit or watch her lead an activity, and ask her two or three scenario questions, such as 'a child tells you he's been beaten; what do you do?'. For every item, write down the evidence you saw; don't score on impressions.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>如果有几项还没达到，就告诉她具体差在哪里，一起定一个改进计划，过一两个月再评。达到了就签字确认，把结果报给项目。签字说明你相信她能独立照顾好孩子，所以要认真负责，不能因为关系好就放宽。</p>",
                                    "en": "<p>If some items aren't met yet, tell her exactly what is missing, agree an improvement plan together and reassess in a month or two. When she meets the standard, sign her off and report the result to the programme. Your signature says you trust her to care for children on her own, so take it seriously and never relax the standard because you get on well.</p>",
                                },
                            ),
                            (
                                "tip",
                                {
                                    "zh": "安全报告这一项必须达标，其他方面可以慢慢提高，这一项不能打折扣。",
                                    "en": "Safety reporting must meet the standard; other areas can improve over time, but there is no compromise on this one.",
                                },
                            ),
                            (
                                "reflection",
                                {
                                    "zh": "如果一位很努力的妈妈在建档方面一直做不好，你会怎样和她谈？",
                                    "en": "If a hard-working mother keeps struggling with her child files, how would you talk with her about it?",
                                },
                            ),
                        ],
                    },
                    {
                        "slug": "looking-after-yourself",
                        "title": {"zh": "照顾好自己", "en": "Looking After Yourself"},
                        "minutes": 15,
                        "optional": False,
                        "body": [
                            (
                                "heading",
                                {
                                    "zh": "照顾别人，也要照顾自己",
                                    "en": "Caring for others means caring for yourself",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>当守护妈妈和带教老师，要听很多孩子和家庭的难事，有时还会碰到孩子受伤害的情况。时间长了，人会觉得累、睡不好、容易发火，甚至不想干了。很多帮助别人的人都会这样，这不是你不够好。</p>",
                                    "en": "<p>As a companion mother and mentor, you hear about many children's and families' troubles, and sometimes you face cases where a child has been harmed. Over time you may feel tired, sleep badly, lose your temper easily, or even want to give up. This happens to many people who help others; it doesn't mean you aren't good enough.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>给自己定个界限：除非是紧急情况，不是每个电话都要半夜接；也不是每件事都要自己解决，该转介的就转介。每周留出时间给自己和家人，做些让自己放松的事，比如散步、唱歌、和朋友聊天。</p>",
                                    "en": "<p>Set yourself some limits: unless it's an emergency, you don't have to answer every call in the middle of the night, and you don't have to solve everything yourself; refer what should be referred. Keep some time each week for yourself and your family, and do things that help you relax, such as walking, singing or chatting with friends.</p>",
                                },
                            ),
                            (
                                "paragraph",
                                {
                                    "zh": "<p>遇到让你特别难受的事，比如孩子受到严重伤害，不要一个人憋着。可以找你的带教老师、项目督导或者信得过的同伴说一说，不说孩子的名字和能认出身份的信息。妈妈们互相支持，才能走得更远。</p>",
                                    "en": "<p>When something hits you hard, such as a child being seriously harmed, don't bottle it up. Talk it through with your own mentor, a programme supervisor or a colleague you trust, without giving the child's name or any identifying details. Mothers who support each other can keep going for longer.</p>",
                                },
                            ),
                            (
                                "tip",
                                {
                                    "zh": "准备一个“开心本”，记下孩子们对你说过的暖心话，累的时候翻一翻。",
                                    "en": "Keep a 'happy notebook' of the kind things children have said to you, and read it when you feel worn out.",
                                },
                            ),
                            (
                                "reflection",
                                {
                                    "zh": "最近一个月，你为自己做过什么让自己开心的事？",
                                    "en": "In the past month, what have you done just for yourself that made you happy?",
                                },
                            ),
                        ],
                    },
                ],
            },
        ],
    },
]
