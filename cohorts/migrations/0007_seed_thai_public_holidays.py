"""The official Thai public holidays (วันหยุดราชการ) for 2025-2027, for the holiday warnings.

Fixed days and substitution days (วันหยุดชดเชย: the next working day when a holiday falls on
a weekend) as the Cabinet sets them; Buddhist holidays by their lunar-calendar dates
(Makha Bucha falls in the 4th month in the athikamat year 2569). Special days the Cabinet
adds later, and the Royal Ploughing Ceremony for 2026-2027 (set each year by the palace),
are for coordinators to add in the admin; re-running this never overwrites their edits.
"""

import datetime as dt

from django.db import migrations

NEW_YEAR = ("วันขึ้นปีใหม่", "New Year's Day")
MAKHA = ("วันมาฆบูชา", "Makha Bucha Day")
CHAKRI = ("วันจักรี", "Chakri Memorial Day")
SONGKRAN = ("วันสงกรานต์", "Songkran Festival")
CORONATION = ("วันฉัตรมงคล", "Coronation Day")
PLOUGHING = ("วันพืชมงคล", "Royal Ploughing Ceremony Day")
VISAKHA = ("วันวิสาขบูชา", "Visakha Bucha Day")
QUEEN = (
    "วันเฉลิมพระชนมพรรษาสมเด็จพระนางเจ้าฯ พระบรมราชินี",
    "H.M. Queen Suthida's Birthday",
)
ASANHA = ("วันอาสาฬหบูชา", "Asanha Bucha Day")
LENT = ("วันเข้าพรรษา", "Buddhist Lent Day")
KING = (
    "วันเฉลิมพระชนมพรรษาพระบาทสมเด็จพระเจ้าอยู่หัว",
    "H.M. King Maha Vajiralongkorn's Birthday",
)
MOTHER = (
    "วันเฉลิมพระชนมพรรษาสมเด็จพระบรมราชชนนีพันปีหลวง และวันแม่แห่งชาติ",
    "H.M. Queen Sirikit The Queen Mother's Birthday and Mother's Day",
)
NAVAMINTRA = ("วันนวมินทรมหาราช", "King Bhumibol Memorial Day")
CHULALONGKORN = ("วันปิยมหาราช", "King Chulalongkorn Day")
FATHER = (
    "วันคล้ายวันพระบรมราชสมภพ รัชกาลที่ 9 วันชาติ และวันพ่อแห่งชาติ",
    "King Bhumibol's Birthday, National Day and Father's Day",
)
CONSTITUTION = ("วันรัฐธรรมนูญ", "Constitution Day")
NEW_YEARS_EVE = ("วันสิ้นปี", "New Year's Eve")
SPECIAL = ("วันหยุดราชการเพิ่มเป็นกรณีพิเศษ", "Special public holiday")


def substitute(holiday):
    return (f"วันหยุดชดเชย{holiday[0]}", f"Substitution day for {holiday[1]}")


HOLIDAYS = [
    # 2025 (2568)
    ("2025-01-01", NEW_YEAR),
    ("2025-02-12", MAKHA),
    ("2025-04-06", CHAKRI),
    ("2025-04-07", substitute(CHAKRI)),
    ("2025-04-13", SONGKRAN),
    ("2025-04-14", SONGKRAN),
    ("2025-04-15", SONGKRAN),
    ("2025-04-16", substitute(SONGKRAN)),
    ("2025-05-04", CORONATION),
    ("2025-05-05", substitute(CORONATION)),
    ("2025-05-09", PLOUGHING),
    ("2025-05-11", VISAKHA),
    ("2025-05-12", substitute(VISAKHA)),
    # Special days 2 June and 11 August 2025, 2 January 2026: Cabinet resolution of
    # 12 November 2024 (reported at https://lionnews.co/archives/10176); 2 January 2026
    # confirmed by the Cabinet secretariat (https://mgronline.com/uptodate/detail/9680000106109).
    ("2025-06-02", SPECIAL),
    ("2025-06-03", QUEEN),
    ("2025-07-10", ASANHA),
    ("2025-07-11", LENT),
    ("2025-07-28", KING),
    ("2025-08-11", SPECIAL),
    ("2025-08-12", MOTHER),
    ("2025-10-13", NAVAMINTRA),
    ("2025-10-23", CHULALONGKORN),
    ("2025-12-05", FATHER),
    ("2025-12-10", CONSTITUTION),
    ("2025-12-31", NEW_YEARS_EVE),
    # 2026 (2569)
    ("2026-01-01", NEW_YEAR),
    ("2026-01-02", SPECIAL),
    ("2026-03-03", MAKHA),
    ("2026-04-06", CHAKRI),
    ("2026-04-13", SONGKRAN),
    ("2026-04-14", SONGKRAN),
    ("2026-04-15", SONGKRAN),
    ("2026-05-04", CORONATION),
    ("2026-05-31", VISAKHA),
    ("2026-06-01", substitute(VISAKHA)),
    ("2026-06-03", QUEEN),
    ("2026-07-28", KING),
    ("2026-07-29", ASANHA),
    ("2026-07-30", LENT),
    ("2026-08-12", MOTHER),
    ("2026-10-13", NAVAMINTRA),
    ("2026-10-23", CHULALONGKORN),
    ("2026-12-05", FATHER),
    ("2026-12-07", substitute(FATHER)),
    ("2026-12-10", CONSTITUTION),
    ("2026-12-31", NEW_YEARS_EVE),
    # 2027 (2570): NOT CHECKED AGAINST AN ANNOUNCEMENT. On 2 December 2026 no published
    # Cabinet announcement of the 2570 holidays could be found (searched: "วันหยุดราชการ
    # 2570 ประกาศ", "ครม. เห็นชอบ วันหยุดราชการ ประจำปี 2570", "Thailand public holidays
    # 2027 Makha Bucha"). Makha Bucha, Visakha Bucha, Asanha Bucha and Buddhist Lent below
    # are the lunar-calendar dates as computed, and the substitution days follow the
    # weekend rule; coordinators correct them in the admin (Cohorts > Public holidays)
    # once the Cabinet announces the year. Nothing here was changed for want of a source.
    ("2027-01-01", NEW_YEAR),
    ("2027-02-21", MAKHA),
    ("2027-02-22", substitute(MAKHA)),
    ("2027-04-06", CHAKRI),
    ("2027-04-13", SONGKRAN),
    ("2027-04-14", SONGKRAN),
    ("2027-04-15", SONGKRAN),
    ("2027-05-04", CORONATION),
    ("2027-05-20", VISAKHA),
    ("2027-06-03", QUEEN),
    ("2027-07-18", ASANHA),
    ("2027-07-19", LENT),
    ("2027-07-20", substitute(ASANHA)),
    ("2027-07-28", KING),
    ("2027-08-12", MOTHER),
    ("2027-10-13", NAVAMINTRA),
    ("2027-10-23", CHULALONGKORN),
    ("2027-10-25", substitute(CHULALONGKORN)),
    ("2027-12-05", FATHER),
    ("2027-12-06", substitute(FATHER)),
    ("2027-12-10", CONSTITUTION),
    ("2027-12-31", NEW_YEARS_EVE),
]


def load_holidays(apps, schema_editor):
    PublicHoliday = apps.get_model("cohorts", "PublicHoliday")
    for day, (name_th, name_en) in HOLIDAYS:
        PublicHoliday.objects.get_or_create(
            date=dt.date.fromisoformat(day), defaults={"name_th": name_th, "name_en": name_en}
        )


class Migration(migrations.Migration):
    dependencies = [("cohorts", "0006_public_holidays")]

    operations = [migrations.RunPython(load_holidays, migrations.RunPython.noop)]
