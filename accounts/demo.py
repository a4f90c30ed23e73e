"""Demo people and organisations: invented names, real Thai municipalities."""

from allauth.account.models import EmailAddress

from django.contrib.auth.models import Group

from accounts.models import Organisation, Province, User
from accounts.roles import COORDINATOR, FACILITATOR, LEARNER

K = Organisation.Kind
# Thai name, English name, kind, province code.
ORGANISATIONS = [
    ("เทศบาลตำบลลำพญา", "Lam Phaya Subdistrict Municipality", K.SUBDISTRICT_MUNICIPALITY, "TH-73"),
    ("เทศบาลนครขอนแก่น", "Khon Kaen City Municipality", K.CITY_MUNICIPALITY, "TH-40"),
    ("เทศบาลนครนครราชสีมา", "Nakhon Ratchasima City Municipality", K.CITY_MUNICIPALITY, "TH-30"),
    ("เทศบาลนครเชียงราย", "Chiang Rai City Municipality", K.CITY_MUNICIPALITY, "TH-57"),
    ("เทศบาลนครยะลา", "Yala City Municipality", K.CITY_MUNICIPALITY, "TH-95"),
    ("เทศบาลนครหาดใหญ่", "Hat Yai City Municipality", K.CITY_MUNICIPALITY, "TH-90"),
    ("เทศบาลนครอุดรธานี", "Udon Thani City Municipality", K.CITY_MUNICIPALITY, "TH-41"),
    ("เทศบาลนครพิษณุโลก", "Phitsanulok City Municipality", K.CITY_MUNICIPALITY, "TH-65"),
    ("เทศบาลนครนครสวรรค์", "Nakhon Sawan City Municipality", K.CITY_MUNICIPALITY, "TH-60"),
    ("เทศบาลนครภูเก็ต", "Phuket City Municipality", K.CITY_MUNICIPALITY, "TH-83"),
    ("เทศบาลนครรังสิต", "Rangsit City Municipality", K.CITY_MUNICIPALITY, "TH-13"),
    ("เทศบาลนครตรัง", "Trang City Municipality", K.CITY_MUNICIPALITY, "TH-92"),
    ("เทศบาลนครสกลนคร", "Sakon Nakhon City Municipality", K.CITY_MUNICIPALITY, "TH-47"),
    ("เทศบาลนครแม่สอด", "Mae Sot City Municipality", K.CITY_MUNICIPALITY, "TH-63"),
    ("เทศบาลเมืองน่าน", "Nan Town Municipality", K.TOWN_MUNICIPALITY, "TH-55"),
    ("เทศบาลเมืองลำพูน", "Lamphun Town Municipality", K.TOWN_MUNICIPALITY, "TH-51"),
    ("เทศบาลเมืองบ้านไผ่", "Ban Phai Town Municipality", K.TOWN_MUNICIPALITY, "TH-40"),
    ("เทศบาลเมืองศิลา", "Sila Town Municipality", K.TOWN_MUNICIPALITY, "TH-40"),
    ("เทศบาลเมืองแสนสุข", "Saen Suk Town Municipality", K.TOWN_MUNICIPALITY, "TH-20"),
    ("เทศบาลเมืองกาฬสินธุ์", "Kalasin Town Municipality", K.TOWN_MUNICIPALITY, "TH-46"),
    ("เทศบาลเมืองมหาสารคาม", "Maha Sarakham Town Municipality", K.TOWN_MUNICIPALITY, "TH-44"),
    ("เทศบาลตำบลปริก", "Prik Subdistrict Municipality", K.SUBDISTRICT_MUNICIPALITY, "TH-90"),
    ("เมืองพัทยา", "Pattaya City", K.PATTAYA, "TH-20"),
    (
        "องค์การบริหารส่วนจังหวัดขอนแก่น",
        "Khon Kaen Provincial Administrative Organisation",
        K.PAO,
        "TH-40",
    ),
    ("มหาวิทยาลัยขอนแก่น", "Khon Kaen University", K.UNIVERSITY, "TH-40"),
    ("สันนิบาตเทศบาลแห่งประเทศไทย", "Municipal League of Thailand", K.OTHER, "TH-10"),
    ("มูลนิธิส่งเสริมการปกครองท้องถิ่น", "Local Government Promotion Foundation", K.OTHER, "TH-10"),
]

# Municipalities whose teams join each cohort (index into ORGANISATIONS).
COHORT_MUNICIPALITIES = {
    "cohort-1": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    "cohort-2": [0, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21],
}

FIRST_NAMES = [
    ("สมชาย", "Somchai", "m"), ("ประเสริฐ", "Prasert", "m"), ("วิชัย", "Wichai", "m"),
    ("สุรชัย", "Surachai", "m"), ("อนุชา", "Anucha", "m"), ("ธนพล", "Thanaphon", "m"),
    ("กิตติพงษ์", "Kittiphong", "m"), ("ชัยวัฒน์", "Chaiwat", "m"), ("ณรงค์", "Narong", "m"),
    ("สมศักดิ์", "Somsak", "m"), ("อำนาจ", "Amnat", "m"), ("วีระพงษ์", "Weeraphong", "m"),
    ("บุญเลิศ", "Boonlert", "m"), ("ปิยะ", "Piya", "m"), ("สุนีย์", "Sunee", "f"),
    ("วนิดา", "Wanida", "f"), ("พรทิพย์", "Phonthip", "f"), ("อรุณี", "Arunee", "f"),
    ("กาญจนา", "Kanchana", "f"), ("มาลี", "Malee", "f"), ("นภาพร", "Naphaphon", "f"),
    ("จันทร์เพ็ญ", "Chanphen", "f"), ("ศิริพร", "Siriphon", "f"), ("รัตนา", "Rattana", "f"),
]  # fmt: skip
LAST_NAMES = [
    ("ใจดี", "Jaidee"), ("ศรีสุข", "Srisuk"), ("มั่นคง", "Mankhong"), ("ทองดี", "Thongdee"),
    ("แสงทอง", "Saengthong"), ("พัฒนากุล", "Phatthanakun"), ("บุญมา", "Boonma"),
    ("ชัยมงคล", "Chaimongkhon"), ("วงศ์สวัสดิ์", "Wongsawat"), ("รุ่งเรือง", "Rungrueang"),
    ("สายทอง", "Saithong"), ("เจริญสุข", "Charoensuk"), ("ประเสริฐวงศ์", "Prasertwong"),
    ("ศักดิ์ดี", "Sakdee"), ("พรหมมา", "Phromma"), ("อินทร์แก้ว", "Inkaew"),
    ("คำแสน", "Khamsaen"), ("ปัญญาดี", "Panyadee"), ("สุวรรณรัตน์", "Suwannarat"),
    ("นาคสวัสดิ์", "Naksawat"),
]  # fmt: skip
# Position (Thai), enrolment role, in team order.
TEAM_POSITIONS = [
    ("นายกเทศมนตรี", "executive"),
    ("ปลัดเทศบาล", "staff"),
    ("นักวิจัยประจำโครงการ", "researcher"),
]

NAMED_ACCOUNTS = {
    "coordinator@example.org": dict(
        title_prefix="นางสาว", title_prefix_en="Ms", first_name="ปวีณา", last_name="ศรีวัฒนา",
        first_name_en="Paweena", last_name_en="Sriwattana", position="ผู้ประสานงานหลักสูตร",
        org=26, role=COORDINATOR,
    ),
    "facilitator@example.org": dict(
        title_prefix="รศ.ดร.", title_prefix_en="Assoc. Prof. Dr.", first_name="ธีรวัฒน์",
        last_name="เมืองไทย", first_name_en="Theerawat", last_name_en="Muangthai",
        position="อาจารย์ประจำวิทยาลัยการปกครองท้องถิ่น", org=24, role=FACILITATOR,
    ),
}  # fmt: skip


def _person_name(index: int):
    first_th, first_en, gender = FIRST_NAMES[index % len(FIRST_NAMES)]
    last_th, last_en = LAST_NAMES[(index * 7 + 3) % len(LAST_NAMES)]
    title, title_en = ("นาย", "Mr") if gender == "m" else ("นาง", "Mrs")
    return dict(
        title_prefix=title, title_prefix_en=title_en, first_name=first_th, last_name=last_th,
        first_name_en=first_en, last_name_en=last_en,
    )  # fmt: skip


def ensure_person(ctx, email: str, *, role: str, **fields) -> User:
    """Create or fetch a demo person with a verified email and the demo password."""
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password=None, **fields)
        user.password = ctx.password_hash
        user.save(update_fields=["password"])
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    user.groups.add(Group.objects.get(name=role))
    return user


def seed(ctx) -> None:
    provinces = {p.code: p for p in Province.objects.all()}
    orgs = []
    for name_th, name_en, kind, code in ORGANISATIONS:
        org, _ = Organisation.objects.get_or_create(
            name_th=name_th,
            province=provinces[code],
            defaults={"name_en": name_en, "kind": kind},
        )
        orgs.append(org)
    ctx.data["organisations"] = orgs

    for email, spec in NAMED_ACCOUNTS.items():
        spec = dict(spec)
        org, role = orgs[spec.pop("org")], spec.pop("role")
        ctx.data[email] = ensure_person(ctx, email, role=role, organisation=org, **spec)

    # Learners: one team of two or three per municipality in each cohort.
    people_by_cohort = {}
    index = 0
    for slug, org_indexes in COHORT_MUNICIPALITIES.items():
        teams = []
        for team_number, org_index in enumerate(org_indexes):
            members = []
            size = 3 if team_number % 3 != 2 else 2
            for position, role in TEAM_POSITIONS[:size]:
                email = _demo_email(slug, org_index, role, index)
                person = ensure_person(
                    ctx, email, role=LEARNER, position=position, organisation=orgs[org_index],
                    phone=f"08{(index * 7919) % 100000000:08d}", **_person_name(index),
                )  # fmt: skip
                members.append((person, role))
                index += 1
            teams.append((orgs[org_index], members))
        people_by_cohort[slug] = teams
    ctx.data["teams_by_cohort"] = people_by_cohort
    ctx.say(f"People: {User.objects.count()} accounts, {len(orgs)} organisations.")


def _demo_email(slug: str, org_index: int, role: str, index: int) -> str:
    """The well-known demo logins take the first executive seat of their cohort."""
    if slug == "cohort-2" and org_index == 0 and role == "executive":
        return "learner@example.org"
    if slug == "cohort-1" and org_index == 1 and role == "executive":
        return "graduate@example.org"
    return f"{slug}.p{index:03d}@example.org"
