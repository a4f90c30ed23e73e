"""The first version of the privacy notice, for the demo and a fresh installation.

Coordinators publish later versions (Settings > Privacy notices); this text is the
starting point a data protection officer reviews, not legal advice.
"""

NOTICE_TH = """\
ประกาศความเป็นส่วนตัว หลักสูตรประกาศนียบัตรนักพัฒนาเมืองระดับสูง (พมส.)

มูลนิธิส่งเสริมการปกครองท้องถิ่น ในฐานะผู้ควบคุมข้อมูลส่วนบุคคลตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 \
เก็บและใช้ข้อมูลของท่านเพื่อจัดการเรียนการสอน ดังนี้

1. ข้อมูลที่จำเป็น: ชื่อ คำนำหน้า ตำแหน่ง หน่วยงาน อีเมล การลงทะเบียนเข้ารุ่น การเข้าเรียน งานวิจัยที่ส่ง \
ผลการประเมิน และประกาศนียบัตร ใช้เพื่อจัดหลักสูตร ติดตามผลการเรียน และออกประกาศนียบัตร
2. ข้อมูลที่ท่านเลือกเปิดเผยได้: การแสดงชื่อในทำเนียบรุ่น (ชื่อ ตำแหน่ง หน่วยงาน จังหวัด โครงการวิจัย) \
รูปถ่าย หมายเลขโทรศัพท์ อีเมล และ LINE ID ในทำเนียบรุ่น และการรับแจ้งเตือนทาง LINE \
จะใช้ก็ต่อเมื่อท่านให้ความยินยอม และถอนความยินยอมได้ทุกเมื่อที่หน้า "ความเป็นส่วนตัว"
3. ทำเนียบรุ่นเปิดให้เฉพาะผู้เรียน ศิษย์เก่า และเจ้าหน้าที่ของรุ่นที่ลงชื่อเข้าใช้ระบบแล้วเท่านั้น
4. ประกาศนียบัตรที่ออกแล้วเป็นหลักฐานทางกฎหมายของหลักสูตร ข้อมูลที่ปรากฏบนประกาศนียบัตร ณ วันที่ออก \
จะถูกเก็บไว้เพื่อให้บุคคลภายนอกตรวจสอบได้ แม้ท่านจะขอลบข้อมูลส่วนบุคคลอื่นแล้วก็ตาม
5. ท่านมีสิทธิขอรับสำเนาข้อมูล ขอแก้ไข ขอลบ และคัดค้านการใช้ข้อมูล ติดต่อผู้ประสานงานหลักสูตร
"""

NOTICE_EN = """\
Privacy notice of the Senior Urban Developer certificate programme

The Local Government Promotion Foundation, as data controller under Thailand's Personal Data \
Protection Act B.E. 2562 (2019), keeps and uses your data to run the programme:

1. Necessary data: your name, title, position, organisation, email, enrolments, attendance, \
research work, evaluations and certificates, used to run the programme, follow your progress \
and issue your certificate.
2. What you may choose to share: being listed in the cohort directory at all (name, position, \
organisation, province, research project), your photo, phone number, email and LINE ID in it, \
and notices on LINE, are used only with your consent, which you may withdraw at any \
time on your privacy page.
3. The cohort directory is open only to signed-in learners, alumni and staff of the cohort.
4. An issued certificate is the programme's legal record: what it shows as issued is kept so \
that others can verify it, even after you ask for your other personal data to be erased.
5. You may ask for a copy of your data, its correction, its erasure, or object to its use: \
contact the programme coordinator.
"""
