"""Demo text of the standard pages: about, contact, privacy (Thai, with English translations)."""

EVENTS = {
    "th": {"title": "กิจกรรม", "intro": "ปฏิบัติการ ศึกษาดูงาน และพิธีการของหลักสูตร พมส. ที่กำลังจะมาถึง"},
    "en": {"title": "Events", "intro": "The programme's coming sessions, site visits and ceremonies.",
           "slug": "events"},
}  # fmt: skip

# slug, Thai (title, intro, paragraphs), English (title, intro, paragraphs)
STANDARD_PAGES = [
    ("about",
     ("เกี่ยวกับหลักสูตร", "หลักสูตรประกาศนียบัตรนักพัฒนาเมืองระดับสูง (พมส.) พัฒนาผู้นำท้องถิ่นบนฐานงานวิจัย",
      ["หลักสูตร พมส. ดำเนินการโดยมูลนิธิส่งเสริมการปกครองท้องถิ่น ร่วมกับสมาคมสันนิบาตเทศบาลแห่งประเทศไทย "
       "ด้วยการสนับสนุนของหน่วยบริหารและจัดการทุนด้านการพัฒนาระดับพื้นที่ (บพท.) และมหาวิทยาลัยในพื้นที่ "
       "เช่น ศูนย์เมืองน่าอยู่อัจฉริยะ วิทยาลัยการปกครองท้องถิ่น มหาวิทยาลัยขอนแก่น",
       "ผู้เรียนคือนายกเทศมนตรี ผู้บริหาร และบุคลากรขององค์กรปกครองส่วนท้องถิ่น พร้อมนักวิจัยประจำโครงการของแต่ละเมือง "
       "แต่ละรุ่นพบกันอย่างน้อย 14 ครั้ง ทั้งการเรียนในห้อง ปฏิบัติการบนฐานงานวิจัย และการศึกษาดูงานหลายวัน",
       "หลักสูตรตั้งเป้าพัฒนาองค์กรปกครองส่วนท้องถิ่นอย่างน้อย 300 แห่ง และบุคลากร 2,000 คน "
       "ผู้สำเร็จการศึกษาได้รับใบประกาศนียบัตรที่ตรวจสอบได้ทางออนไลน์"]),
     ("About the programme", "The Senior Urban Developer certificate programme develops local leaders through research.",
      ["The programme is run by the Local Government Promotion Foundation with the Municipal League of "
       "Thailand, funded through the Program Management Unit on Area Based Development (PMUA) and delivered "
       "with partner universities such as the Livable Smart City centre of Khon Kaen University's College "
       "of Local Administration.",
       "Learners are mayors, executives and staff of local governments, with the researcher attached to each "
       "city's project. Each cohort meets at least 14 times: classroom sessions, research-based practicums "
       "and multi-day site visits.",
       "The programme aims to reach at least 300 local governments and 2,000 people. Graduates receive a "
       "certificate anyone can verify online."])),
    ("contact",
     ("ติดต่อเรา", "สอบถามเรื่องการรับสมัคร กำหนดการ และใบประกาศนียบัตร",
      ["สำนักงานหลักสูตร พมส. สมาคมสันนิบาตเทศบาลแห่งประเทศไทย เลขที่ 9 ถนนนครราชสีมา แขวงดุสิต เขตดุสิต "
       "กรุงเทพมหานคร 10300",
       "อีเมล pms@example.org · โทรศัพท์ 02 000 0000 (วันจันทร์ถึงวันศุกร์ เวลา 08:30–16:30 น.)",
       "หน่วยงานที่ต้องการตรวจสอบใบประกาศนียบัตรของผู้สำเร็จการศึกษา ตรวจสอบได้ด้วยตนเองที่หน้า "
       "“ตรวจสอบใบประกาศนียบัตร” โดยไม่ต้องติดต่อสำนักงาน"]),
     ("Contact us", "Questions about admissions, schedules and certificates.",
      ["Programme office, Municipal League of Thailand, 9 Nakhon Ratchasima Road, Dusit, Bangkok 10300.",
       "Email pms@example.org · Telephone +66 2 000 0000 (Monday to Friday, 08:30–16:30).",
       "Employers and agencies checking a graduate's certificate can do so themselves on the "
       "“Verify a certificate” page, without contacting the office."])),
    ("privacy",
     ("นโยบายความเป็นส่วนตัว", "หลักสูตรเก็บและใช้ข้อมูลส่วนบุคคลอย่างไร ตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562",
      ["หลักสูตรเก็บข้อมูลที่จำเป็นต่อการจัดการเรียนการสอนเท่านั้น ได้แก่ ชื่อ ตำแหน่ง หน่วยงาน อีเมล "
       "การเข้าร่วมกิจกรรม งานที่ส่ง และผลการประเมิน เพื่อจัดตารางเรียน ติดตามความก้าวหน้า และออกใบประกาศนียบัตร",
       "ข้อมูลบนใบประกาศนียบัตร (ชื่อ รุ่น และวันที่ออก) เปิดให้ผู้ที่มีรหัสตรวจสอบเห็นได้ "
       "ข้อมูลอื่นเห็นได้เฉพาะผู้เรียน ทีมงานหลักสูตร และอาจารย์ที่ปรึกษาที่เกี่ยวข้อง",
       "ท่านขอดู แก้ไข หรือขอให้ลบข้อมูลของท่านได้ทางอีเมล pms@example.org "
       "หลักสูตรเก็บข้อมูลการเรียนไว้ตลอดอายุของใบประกาศนียบัตรเพื่อให้ตรวจสอบได้"]),
     ("Privacy policy", "How the programme collects and uses personal data under Thailand's Personal Data Protection Act (2019).",
      ["The programme keeps only what teaching needs: name, position, organisation, email, attendance, "
       "submitted work and assessments, to schedule sessions, follow progress and issue certificates.",
       "What a certificate shows (name, cohort and date of issue) is visible to anyone with its "
       "verification code. Everything else is seen only by the learner, the programme team and the "
       "advisors concerned.",
       "You may ask to see, correct or delete your data by writing to pms@example.org. Learning records "
       "are kept for the life of the certificate so that it can still be verified."])),
]  # fmt: skip
