"""Demo content for the curriculum pages: Thai first, English translation beside it.

Facts come from the news articles about the programme (พมส. รุ่นที่ 1, the Khon Kaen
BCG visit of 8-10 December 2565).
"""

PROGRAMME = {
    "slug": "programme",
    "th": dict(
        title="หลักสูตรนักพัฒนาเมืองระดับสูง (พมส.)",
        intro=(
            "หลักสูตรประกาศนียบัตรสำหรับนายกเทศมนตรีและผู้บริหารท้องถิ่น เรียนรู้การพัฒนาเมือง"
            "บนฐานงานวิจัย ภายใต้ความร่วมมือระหว่างมูลนิธิส่งเสริมการปกครองท้องถิ่นกับสมาคม"
            "สันนิบาตเทศบาลแห่งประเทศไทย"
        ),
        body=(
            "<p>พมส. เป็นหลักสูตรที่อิงอยู่บนฐานคิดประสบการณ์ของผู้เรียนทุกคน ขับเคลื่อนกระบวนการ"
            "เรียนรู้แบบลงมือทำ (Active Learning) ให้นายกเทศมนตรีทั่วประเทศด้วยข้อมูลและความร่วมมือ"
            "ระดับประเทศ ได้รับการสนับสนุนจากหน่วยบริหารและจัดการทุนด้านการพัฒนาระดับพื้นที่ (บพท.) "
            "กรอบการวิจัยยกระดับองค์กรปกครองส่วนท้องถิ่น</p>"
            "<p>ผู้เรียนแต่ละเทศบาลทำงานวิจัยของเมืองตนเองร่วมกับนักวิจัยจากมหาวิทยาลัยในพื้นที่ "
            "ผ่านปฏิบัติการบนฐานงานวิจัย การเรียนในชั้นเรียน และการศึกษาดูงานเมืองต้นแบบ</p>"
        ),
        objectives=[
            "ยกระดับผู้บริหารท้องถิ่นให้ใช้ข้อมูลและงานวิจัยในการตัดสินใจพัฒนาเมือง",
            "สร้างเครือข่ายนักพัฒนาเมืองระหว่างเทศบาล มหาวิทยาลัย และภาคเอกชน",
            "พัฒนาโครงการวิจัยของเมืองที่นำไปใช้ได้จริงและลดความเหลื่อมล้ำ",
            "ส่งเสริมเศรษฐกิจสีเขียวและเศรษฐกิจหมุนเวียนในระดับท้องถิ่น",
        ],
        audience=(
            "<ul><li>นายกเทศมนตรีและผู้บริหารองค์กรปกครองส่วนท้องถิ่น</li>"
            "<li>ปลัดเทศบาลและบุคลากรที่รับผิดชอบงานพัฒนาเมือง</li>"
            "<li>นักวิจัยประจำโครงการวิจัยของแต่ละเทศบาล</li></ul>"
        ),
    ),
    "en": dict(
        title="Senior Urban Developer Programme",
        intro=(
            "A certificate programme for mayors and local executives: research-based urban "
            "development, run by the Local Government Promotion Foundation with the Municipal "
            "League of Thailand."
        ),
        body=(
            "<p>The programme builds on every learner's own experience and drives active "
            "learning for mayors across the country with data and national partnerships, "
            "supported by the Program Management Unit on Area Based Development (PMUA).</p>"
            "<p>Each municipality works on its own research project with a researcher from a "
            "nearby university, through research practicums, classes and study visits.</p>"
        ),
        objectives=[
            "Help local leaders use data and research in decisions about their city",
            "Build a network of urban developers across municipalities, universities and business",
            "Develop research projects that cities can put to work and that reduce inequality",
            "Promote the green and circular economy locally",
        ],
        audience=(
            "<ul><li>Mayors and local government executives</li>"
            "<li>Municipal clerks and staff responsible for urban development</li>"
            "<li>The researcher attached to each municipality's project</li></ul>"
        ),
    ),
}

PARTNERS = [
    ("มูลนิธิส่งเสริมการปกครองท้องถิ่น", "Local Government Promotion Foundation", "ผู้จัดหลักสูตร", "Programme organiser", "#0b5d7a"),
    ("สมาคมสันนิบาตเทศบาลแห่งประเทศไทย", "Municipal League of Thailand", "ผู้จัดหลักสูตร", "Programme organiser", "#17663a"),
    ("หน่วยบริหารและจัดการทุนด้านการพัฒนาระดับพื้นที่ (บพท.)", "Program Management Unit on Area Based Development (PMUA)", "ผู้ให้ทุน", "Funder", "#b8860b"),
    ("วิทยาลัยการปกครองท้องถิ่น มหาวิทยาลัยขอนแก่น", "College of Local Administration, Khon Kaen University", "ภาคีวิชาการ", "Academic partner", "#a1261b"),
]  # fmt: skip

FACILITATORS = [
    # key, Thai prefix, Thai name, Thai position, English prefix, English name, English position
    ("supawatanakorn", "รศ.ดร.", "ศุภวัฒนากร วงศ์ธนวสุ", "ผู้อำนวยการฝ่ายสนับสนุนทุนวิจัยและนวัตกรรมเพื่อการพัฒนาเมืองน่าอยู่ บพท.",
     "Assoc. Prof. Dr.", "Supawatanakorn Wongthanavasu", "Director, research funding for livable cities, PMUA"),
    ("theerawat", "รศ.ดร.", "ธีรวัฒน์ เมืองไทย", "อาจารย์ประจำวิทยาลัยการปกครองท้องถิ่น มหาวิทยาลัยขอนแก่น",
     "Assoc. Prof. Dr.", "Theerawat Muangthai", "Lecturer, College of Local Administration, Khon Kaen University"),
    ("udorn", "ดร.", "อุดร ตันติสุนทร", "ประธานมูลนิธิส่งเสริมการปกครองท้องถิ่น",
     "Dr.", "Udorn Tantisunthorn", "Chair, Local Government Promotion Foundation"),
]  # fmt: skip

# slug, code, hours, format, facilitator keys, theme codes, Thai (title, intro, outcomes), English (...)
MODULES = [
    ("research-based-urban-development", "พมส. 101", 12, "classroom", ["udorn", "supawatanakorn"], ["revenue-finance"],
     ("การพัฒนาเมืองบนฐานงานวิจัย", "ปูพื้นฐานการใช้งานวิจัยและข้อมูลเป็นเครื่องมือของผู้บริหารเมือง",
      ["อธิบายบทบาทของงานวิจัยในการกำหนดนโยบายท้องถิ่น", "กำหนดโจทย์ปัญหาเมืองจากข้อมูลจริงของเทศบาล"]),
     ("Research-based urban development", "The foundations: research and data as a city leader's tools",
      ["Explain the role of research in local policy", "Frame the city's problem from the municipality's own data"])),
    ("livable-smart-cities", "พมส. 102", 12, "classroom", ["theerawat"], ["smart-environment", "infrastructure"],
     ("เมืองน่าอยู่อัจฉริยะ", "แนวคิดเมืองอัจฉริยะน่าอยู่และกรณีศึกษาเทศบาลนครขอนแก่น",
      ["วิเคราะห์องค์ประกอบของเมืองอัจฉริยะน่าอยู่", "ออกแบบแผนเมืองอัจฉริยะที่เหมาะกับบริบทของเมือง"]),
     ("Livable smart cities", "The livable smart city and the Khon Kaen City case",
      ["Analyse what makes a livable smart city", "Draft a smart city plan that fits the city"])),
    ("urban-data-platforms", "พมส. 103", 18, "blended", ["theerawat"], ["infrastructure", "smart-health"],
     ("ข้อมูลเมืองและแพลตฟอร์มดิจิทัล", "ข้อมูลเคลื่อนเมือง: แพลตฟอร์มข้อมูลโครงสร้างพื้นฐาน สุขภาพ ภัยพิบัติ สิ่งแวดล้อม และบริการอิเล็กทรอนิกส์ท้องถิ่น",
      ["ใช้แพลตฟอร์มข้อมูลเมืองในการวางแผน", "ประเมินความพร้อมด้านข้อมูลของเทศบาล"]),
     ("Urban data and digital platforms", "Data moves the city: platforms for infrastructure, health, disaster, environment and local e-services",
      ["Use urban data platforms for planning", "Assess the municipality's data readiness"])),
    ("local-finance", "พมส. 104", 9, "online", ["udorn"], ["revenue-finance"],
     ("การเงินการคลังท้องถิ่นและกลไกการเงินใหม่", "รายได้ท้องถิ่น พันธบัตรเทศบาล และการร่วมทุนกับภาคเอกชน",
      ["วิเคราะห์โครงสร้างรายได้ของเทศบาล", "เลือกกลไกการเงินใหม่ที่เหมาะกับโครงการของเมือง"]),
     ("Local finance and new financial mechanisms", "Local revenue, municipal bonds and public-private partnership",
      ["Analyse the municipality's revenue", "Choose a new financial mechanism for a city project"])),
    ("bcg-circular-economy", "พมส. 105", 18, "site-visit", ["supawatanakorn"], ["green-circular-economy"],
     ("เศรษฐกิจ BCG และเศรษฐกิจหมุนเวียน", "เศรษฐกิจชีวภาพ เศรษฐกิจหมุนเวียน และเศรษฐกิจสีเขียว เพื่อเมืองที่ยั่งยืนและลดความเหลื่อมล้ำ",
      ["อธิบาย BCG Model และการประยุกต์ในท้องถิ่น", "ออกแบบโครงการเศรษฐกิจหมุนเวียนของเมือง"]),
     ("BCG and the circular economy", "Bio, circular and green economy for sustainable cities with less inequality",
      ["Explain the BCG model and its local use", "Design a circular economy project for the city"])),
    ("smart-health", "พมส. 106", 9, "classroom", ["theerawat"], ["smart-health"],
     ("เมืองสุขภาวะและระบบสุขภาพอัจฉริยะ", "ระบบสุขภาพปฐมภูมิของเมือง การดูแลผู้สูงอายุ และข้อมูลสุขภาพ",
      ["วางแผนบริการสุขภาพของเมืองด้วยข้อมูล", "ออกแบบระบบดูแลผู้สูงอายุในชุมชน"]),
     ("Healthy cities and smart health", "Primary care in the city, elderly care and health data",
      ["Plan the city's health services with data", "Design community care for older people"])),
    ("disaster-management", "พมส. 107", 9, "classroom", ["udorn"], ["disaster-management"],
     ("การจัดการภัยพิบัติของเมือง", "การเตรียมพร้อม เตือนภัย และฟื้นฟูเมืองจากน้ำท่วมและภัยแล้ง",
      ["จัดทำแผนเผชิญเหตุของเมือง", "ใช้ข้อมูลเตือนภัยล่วงหน้าร่วมกับชุมชน"]),
     ("Urban disaster management", "Preparing for, warning of and recovering from floods and drought",
      ["Prepare the city's emergency plan", "Use early warning data with communities"])),
    ("heritage-culture-economy", "พมส. 108", 9, "classroom", ["supawatanakorn"], ["heritage-culture-economy"],
     ("เศรษฐกิจมรดกและวัฒนธรรม", "ต่อยอดทุนทางวัฒนธรรมและย่านเก่าสู่เศรษฐกิจสร้างสรรค์ของเมือง",
      ["ประเมินทุนทางวัฒนธรรมของเมือง", "ออกแบบโครงการเศรษฐกิจสร้างสรรค์ร่วมกับชุมชน"]),
     ("Heritage and culture economy", "Turning cultural assets and old quarters into the city's creative economy",
      ["Assess the city's cultural assets", "Design a creative economy project with communities"])),
    ("research-practicum", "พมส. 109", 42, "practicum", ["theerawat", "supawatanakorn"], [],
     ("ปฏิบัติการบนฐานงานวิจัย", "ทีมเทศบาลทำงานวิจัยของเมืองตนเองตั้งแต่กำหนดโจทย์จนนำเสนอผลงาน",
      ["กำหนดโจทย์และแผนเก็บข้อมูล", "วิเคราะห์ข้อมูลและเขียนรายงานวิจัย", "นำเสนอผลงานวิจัยต่อผู้ทรงคุณวุฒิ"]),
     ("Research practicum", "Each municipal team carries out its own research, from framing the question to presenting the results",
      ["Frame the question and plan data collection", "Analyse the data and write the report", "Present the research to a panel"])),
]  # fmt: skip

KHON_KAEN_AGENDA = [
    ("2022-12-08", "เปิดการศึกษาดูงานและเสวนา", "Opening and panel", [
        ("08:30", "09:00", "ลงทะเบียน", "Registration", "โรงแรมโฆษะ ขอนแก่น", "Kosa Hotel, Khon Kaen"),
        ("09:00", "10:00", "พิธีเปิดและกล่าวต้อนรับโดยนายกเทศมนตรีนครขอนแก่น", "Opening and welcome by the Mayor of Khon Kaen", "", ""),
        ("10:15", "12:00", "เสวนา “รูปธรรมของการบูรณาการ คำตอบของการพัฒนาเมือง”", "Panel: integration in practice, the answer for urban development", "", ""),
        ("13:00", "16:30", "ปฏิบัติการบนฐานงานวิจัย ครั้งที่ 14", "Research practicum 14", "", ""),
        ("18:00", "20:30", "CDE Dinner Talk", "CDE Dinner Talk", "", ""),
    ]),
    ("2022-12-09", "Isan BCG Expo", "Isan BCG Expo", [
        ("09:00", "12:00", "ชมนวัตกรรมเศรษฐกิจสีเขียวและเศรษฐกิจหมุนเวียน งาน Isan BCG Expo", "Green and circular economy innovations at Isan BCG Expo", "", ""),
        ("13:00", "16:00", "ศึกษาดูงานระบบขนส่งมวลชนของบริษัท ขอนแก่นพัฒนาเมือง (KKTT)", "Khon Kaen Think Tank (KKTT) and the city's transit plans", "", ""),
    ]),
    ("2022-12-10", "สรุปบทเรียน", "Lessons learnt", [
        ("09:00", "11:30", "สรุปบทเรียนและประยุกต์ใช้กับโครงการวิจัยของเมือง", "Lessons for each city's research project", "", ""),
        ("11:30", "12:00", "ปิดการศึกษาดูงาน", "Closing", "", ""),
    ]),
]  # fmt: skip

# slug, province code, lat, lon, session kind match, Thai fields, English fields
SITE_VISITS = [
    ("khon-kaen-bcg", "TH-40", "16.432500", "102.835400", {
        "title": "ศึกษาดูงาน ขอนแก่น: เศรษฐกิจ BCG และเศรษฐกิจหมุนเวียน",
        "intro": "ยกทีมเยือนขอนแก่น ศึกษาดูงานอีสาน BCG การพัฒนาเศรษฐกิจสร้างสรรค์ เศรษฐกิจสีเขียว และเศรษฐกิจหมุนเวียน ระหว่างวันที่ 8-10 ธันวาคม 2565",
        "address": "โรงแรมโฆษะ ถนนศรีจันทร์ ตำบลในเมือง อำเภอเมืองขอนแก่น จังหวัดขอนแก่น",
        "hosts": [("เทศบาลนครขอนแก่น", "เมืองแห่งโอกาสและเมืองอัจฉริยะน่าอยู่"), ("บริษัท ขอนแก่นพัฒนาเมือง (KKTT)", "ความร่วมมือภาคเอกชนในการพัฒนาเมือง"), ("วิทยาลัยการปกครองท้องถิ่น มหาวิทยาลัยขอนแก่น", "ศูนย์ปฏิบัติการและส่งเสริมการพัฒนาเมืองอัจฉริยะน่าอยู่ (OPSCD)")],
        "themes": ["เศรษฐกิจ BCG", "เศรษฐกิจสีเขียวและเศรษฐกิจหมุนเวียน", "เมืองอัจฉริยะ"],
        "questions": ["จะนำ BCG มาลดความเหลื่อมล้ำในเมืองได้อย่างไร", "ภาครัฐ ภาควิชาการ และภาคเอกชนของขอนแก่นร่วมมือกันอย่างไร", "เมืองของเราจะเริ่มต่อจิ๊กซอว์ตัวแรกจากอะไร"],
        "body": "<p>ผู้บริหารท้องถิ่นและภาคีพัฒนาพื้นที่จากทั่วประเทศกว่า 50 คน ร่วมเรียนรู้ประสบการณ์การพัฒนาเมืองขอนแก่นจากมุมมองของนักพัฒนาเมือง ภาควิชาการ และภาคเอกชน ที่ร่วมกันเปลี่ยนขอนแก่นให้เป็นเมืองแห่งโอกาสและเมืองน่าอยู่</p>",
    }, {
        "title": "Khon Kaen study visit: BCG and the circular economy",
        "intro": "A visit to Khon Kaen on the Isan BCG economy: the creative, green and circular economy, 8-10 December 2022.",
        "address": "Kosa Hotel, Srichan Road, Nai Mueang, Mueang Khon Kaen, Khon Kaen",
        "hosts": [("Khon Kaen City Municipality", "A city of opportunity and a livable smart city"), ("Khon Kaen Think Tank (KKTT)", "Private partners in urban development"), ("College of Local Administration, Khon Kaen University", "Operations and Promotion Center for Livable Smart City Development (OPSCD)")],
        "themes": ["BCG economy", "Green and circular economy", "Smart city"],
        "questions": ["How can BCG reduce inequality in the city?", "How do Khon Kaen's public, academic and private sectors work together?", "Which first piece of the jigsaw should our city start with?"],
        "body": "<p>More than 50 local leaders and partners from across the country learnt from Khon Kaen's experience through the eyes of city developers, academics and business, who together turned Khon Kaen into a city of opportunity.</p>",
    }),
    ("chiang-rai-heritage", "TH-57", "19.909500", "99.832500", {
        "title": "ศึกษาดูงาน เชียงราย: เมืองมรดกและเมืองสร้างสรรค์",
        "intro": "เรียนรู้การต่อยอดมรดกทางวัฒนธรรมล้านนาสู่เศรษฐกิจสร้างสรรค์ กับเทศบาลนครเชียงราย เมืองสร้างสรรค์ด้านการออกแบบของยูเนสโก",
        "address": "หอประชุมเทศบาลนครเชียงราย ถนนธนาลัย ตำบลเวียง อำเภอเมืองเชียงราย จังหวัดเชียงราย",
        "hosts": [("เทศบาลนครเชียงราย", "เมืองสร้างสรรค์ด้านการออกแบบ")],
        "themes": ["เศรษฐกิจมรดกและวัฒนธรรม", "เมืองสร้างสรรค์"],
        "questions": ["ชุมชนมีส่วนร่วมในการฟื้นฟูย่านเก่าอย่างไร", "เมืองวัดผลเศรษฐกิจสร้างสรรค์อย่างไร"],
        "body": "<p>การศึกษาดูงานสองวันในย่านเมืองเก่าเชียงราย ว่าด้วยการอนุรักษ์และการสร้างรายได้จากทุนทางวัฒนธรรม</p>",
    }, {
        "title": "Chiang Rai study visit: heritage and creative city",
        "intro": "How Chiang Rai City, a UNESCO Creative City of Design, turns Lanna heritage into a creative economy.",
        "address": "Chiang Rai City Municipality Hall, Thanalai Road, Wiang, Mueang Chiang Rai, Chiang Rai",
        "hosts": [("Chiang Rai City Municipality", "A creative city of design")],
        "themes": ["Heritage and culture economy", "Creative city"],
        "questions": ["How do communities take part in reviving the old town?", "How does the city measure its creative economy?"],
        "body": "<p>Two days in Chiang Rai's old town on conservation and income from cultural assets.</p>",
    }),
    ("hat-yai-flood", "TH-90", "7.006700", "100.498700", {
        "title": "ศึกษาดูงาน หาดใหญ่: เมืองรับมือน้ำท่วม",
        "intro": "ระบบเตือนภัยน้ำท่วมและการจัดการภัยพิบัติของเทศบาลนครหาดใหญ่ ร่วมกับมหาวิทยาลัยสงขลานครินทร์",
        "address": "ศูนย์ประชุมนานาชาติฉลองสิริราชสมบัติครบ 60 ปี มหาวิทยาลัยสงขลานครินทร์ อำเภอหาดใหญ่ จังหวัดสงขลา",
        "hosts": [("เทศบาลนครหาดใหญ่", "ศูนย์เตือนภัยน้ำท่วมของเมือง")],
        "themes": ["การจัดการภัยพิบัติ", "เมืองอัจฉริยะ"],
        "questions": ["ข้อมูลเตือนภัยไปถึงชุมชนได้เร็วเพียงใด", "เมืองฟื้นตัวหลังน้ำท่วมอย่างไร"],
        "body": "<p>เรียนรู้ระบบเตือนภัยล่วงหน้าและแผนเผชิญเหตุที่หาดใหญ่ใช้รับมือน้ำท่วมใหญ่</p>",
    }, {
        "title": "Hat Yai study visit: a city ready for floods",
        "intro": "Hat Yai City's flood warning and disaster management, with Prince of Songkla University.",
        "address": "PSU 60th Anniversary Convention Centre, Hat Yai, Songkhla",
        "hosts": [("Hat Yai City Municipality", "The city's flood warning centre")],
        "themes": ["Disaster management", "Smart city"],
        "questions": ["How fast does warning data reach communities?", "How does the city recover after a flood?"],
        "body": "<p>Early warning and emergency plans that Hat Yai uses against major floods.</p>",
    }),
]  # fmt: skip

THEMES = {
    "smart-health": ("ระบบสุขภาพอัจฉริยะ", "Smart health", "บริการสุขภาพของเมืองที่ใช้ข้อมูลและเทคโนโลยี", "City health services built on data and technology"),
    "smart-environment": ("สิ่งแวดล้อมอัจฉริยะ", "Smart environment", "คุณภาพอากาศ น้ำ ขยะ และพื้นที่สีเขียวของเมือง", "Air, water, waste and green space in the city"),
    "infrastructure": ("โครงสร้างพื้นฐานเมือง", "Infrastructure", "ถนน ขนส่ง และข้อมูลโครงสร้างพื้นฐาน", "Roads, transport and infrastructure data"),
    "disaster-management": ("การจัดการภัยพิบัติ", "Disaster management", "เตรียมพร้อม เตือนภัย และฟื้นฟูเมือง", "Preparing, warning and recovering"),
    "heritage-culture-economy": ("เศรษฐกิจมรดกและวัฒนธรรม", "Heritage and culture economy", "ทุนทางวัฒนธรรมสู่เศรษฐกิจสร้างสรรค์", "Cultural assets for a creative economy"),
    "green-circular-economy": ("เศรษฐกิจสีเขียวและเศรษฐกิจหมุนเวียน", "Green and circular economy", "เศรษฐกิจหมุนเวียน BCG และการลดขยะของเมือง", "The circular and BCG economy and less waste"),
    "revenue-finance": ("รายได้และกลไกการเงินใหม่", "Revenue and new financial mechanisms", "รายได้ท้องถิ่นและเครื่องมือทางการเงินใหม่", "Local revenue and new financial tools"),
}  # fmt: skip

# theme, slug, municipality (th, en), province, Thai title, English title, Thai summary, English summary
PROJECTS = [
    ("smart-health", "khon-kaen-elderly-care", ("เทศบาลนครขอนแก่น", "Khon Kaen City Municipality"), "TH-40",
     "ระบบข้อมูลดูแลผู้สูงอายุติดบ้านของเทศบาลนครขอนแก่น", "Home-bound elderly care data in Khon Kaen City",
     "พัฒนาฐานข้อมูลผู้สูงอายุติดบ้านและติดเตียงเพื่อวางแผนเยี่ยมบ้านร่วมกับอาสาสมัครสาธารณสุข", "A register of home-bound older people to plan home visits with health volunteers"),
    ("smart-health", "udon-thani-clinic", ("เทศบาลนครอุดรธานี", "Udon Thani City Municipality"), "TH-41",
     "คลินิกหมอครอบครัวชุมชนเมืองอุดรธานี", "Community family doctor clinics in Udon Thani",
     "ออกแบบเครือข่ายคลินิกปฐมภูมิใกล้บ้านจากข้อมูลการใช้บริการ", "Primary care clinics close to home, planned from service data"),
    ("smart-environment", "nan-air-quality", ("เทศบาลเมืองน่าน", "Nan Town Municipality"), "TH-55",
     "เครือข่ายเซนเซอร์ฝุ่น PM2.5 เมืองน่าน", "PM2.5 sensor network in Nan",
     "ติดตั้งเซนเซอร์วัดฝุ่นราคาประหยัดและแจ้งเตือนประชาชนผ่านแอปพลิเคชัน", "Low-cost dust sensors and public alerts through an app"),
    ("infrastructure", "korat-road-data", ("เทศบาลนครนครราชสีมา", "Nakhon Ratchasima City Municipality"), "TH-30",
     "แพลตฟอร์มข้อมูลถนนและทางเท้าเมืองโคราช", "Road and pavement data platform for Korat",
     "สำรวจสภาพถนนและทางเท้าด้วยภาพถ่ายเพื่อจัดลำดับการซ่อมบำรุง", "Photo surveys of roads and pavements to rank repairs"),
    ("infrastructure", "rangsit-drainage", ("เทศบาลนครรังสิต", "Rangsit City Municipality"), "TH-13",
     "ข้อมูลระบบระบายน้ำเมืองรังสิต", "Rangsit drainage data",
     "รวบรวมข้อมูลท่อระบายน้ำและจุดน้ำท่วมขังเพื่อวางแผนลงทุน", "Drainage and flooding hot spots mapped to plan investment"),
    ("disaster-management", "hat-yai-flood-warning", ("เทศบาลนครหาดใหญ่", "Hat Yai City Municipality"), "TH-90",
     "ระบบเตือนภัยน้ำท่วมล่วงหน้าเมืองหาดใหญ่", "Hat Yai flood early warning",
     "เชื่อมข้อมูลระดับน้ำคลองอู่ตะเภากับการแจ้งเตือนชุมชน", "Linking U-Taphao canal levels to community alerts"),
    ("disaster-management", "mae-sot-drought", ("เทศบาลนครแม่สอด", "Mae Sot City Municipality"), "TH-63",
     "แผนรับมือภัยแล้งเมืองแม่สอด", "Mae Sot drought plan",
     "ประเมินความเสี่ยงน้ำประปาในฤดูแล้งและแผนสำรองน้ำ", "Water supply risk in the dry season and reserve plans"),
    ("heritage-culture-economy", "chiang-rai-old-town", ("เทศบาลนครเชียงราย", "Chiang Rai City Municipality"), "TH-57",
     "ฟื้นย่านเมืองเก่าเชียงรายด้วยเศรษฐกิจสร้างสรรค์", "Reviving Chiang Rai's old town with the creative economy",
     "ออกแบบเส้นทางท่องเที่ยวเชิงวัฒนธรรมร่วมกับชุมชนและผู้ประกอบการ", "Cultural routes designed with communities and businesses"),
    ("heritage-culture-economy", "lamphun-textiles", ("เทศบาลเมืองลำพูน", "Lamphun Town Municipality"), "TH-51",
     "ผ้าไหมยกดอกลำพูนกับเศรษฐกิจเมือง", "Lamphun brocade silk and the town's economy",
     "ต่อยอดภูมิปัญญาผ้าทอสู่ตลาดใหม่", "Taking weaving know-how to new markets"),
    ("green-circular-economy", "lam-phaya-waste", ("เทศบาลตำบลลำพญา", "Lam Phaya Subdistrict Municipality"), "TH-73",
     "ธนาคารขยะและเศรษฐกิจหมุนเวียนตำบลลำพญา", "Waste bank and circular economy in Lam Phaya",
     "ลดขยะต้นทางด้วยธนาคารขยะชุมชนและการแปรรูปขยะอินทรีย์ตามแนวคิดเศรษฐกิจหมุนเวียน", "Less waste at source through a community waste bank and composting"),
    ("green-circular-economy", "ban-phai-biogas", ("เทศบาลเมืองบ้านไผ่", "Ban Phai Town Municipality"), "TH-40",
     "ก๊าซชีวภาพจากขยะตลาดสดบ้านไผ่", "Biogas from Ban Phai's fresh market waste",
     "เปลี่ยนขยะอินทรีย์จากตลาดสดเป็นพลังงานตามแนวทางเศรษฐกิจ BCG", "Turning market waste into energy, the BCG way"),
    ("revenue-finance", "phuket-land-tax", ("เทศบาลนครภูเก็ต", "Phuket City Municipality"), "TH-83",
     "ฐานข้อมูลภาษีที่ดินและสิ่งปลูกสร้างเมืองภูเก็ต", "Phuket land and building tax data",
     "ปรับปรุงแผนที่ภาษีเพื่อเพิ่มรายได้ท้องถิ่นอย่างเป็นธรรม", "An updated tax map for fairer local revenue"),
]  # fmt: skip
