"""Say in the admin which of the seeded 2570 (2027) holidays are provisional (#13 item 4).

The 2570 dates of 0007 were computed, not taken from the Cabinet's announcement (none was
published when they were seeded). Checked on 3 December 2026, offline: the four Buddhist
days are the lunar dates in both PyThaiNLP 5.4's Thai lunar calendar (Makha Bucha 15th
waxing of month 3, Visakha Bucha 15th waxing of month 6, Asalha Bucha 15th waxing of
month 8, Khao Phansa 1st waning of month 8; 2570 has no extra month) and python-holidays
0.108 (Thailand), which also agrees on every fixed date and substitution day. Still, the
Cabinet sets the substitution days and may add special days, so the lunar days and the
substitution days carry a note until a coordinator confirms them and clears it. Only rows
still as seeded (same name, no note) are marked: a coordinator's edit is kept.
"""

import datetime as dt

from django.db import migrations

LUNAR = (
    "ยังไม่ยืนยัน: วันตามปฏิทินจันทรคติที่คำนวณไว้ รอประกาศคณะรัฐมนตรี / "
    "Provisional: the lunar-calendar date as computed, until the Cabinet announces 2570."
)
SUBSTITUTE = (
    "ยังไม่ยืนยัน: วันหยุดชดเชยตามหลักวันหยุดตรงกับเสาร์-อาทิตย์ รอประกาศคณะรัฐมนตรี / "
    "Provisional: a substitution day by the weekend rule, until the Cabinet announces 2570."
)
PROVISIONAL = {
    "2027-02-21": ("วันมาฆบูชา", LUNAR),
    "2027-02-22": ("วันหยุดชดเชยวันมาฆบูชา", SUBSTITUTE),
    "2027-05-20": ("วันวิสาขบูชา", LUNAR),
    "2027-07-18": ("วันอาสาฬหบูชา", LUNAR),
    "2027-07-19": ("วันเข้าพรรษา", LUNAR),
    "2027-07-20": ("วันหยุดชดเชยวันอาสาฬหบูชา", SUBSTITUTE),
    "2027-10-25": ("วันหยุดชดเชยวันปิยมหาราช", SUBSTITUTE),
    "2027-12-06": (
        "วันหยุดชดเชยวันคล้ายวันพระบรมราชสมภพ รัชกาลที่ 9 วันชาติ และวันพ่อแห่งชาติ",
        SUBSTITUTE,
    ),
}


def mark(apps, schema_editor):
    PublicHoliday = apps.get_model("cohorts", "PublicHoliday")
    for day, (name_th, note) in PROVISIONAL.items():
        PublicHoliday.objects.filter(
            date=dt.date.fromisoformat(day), name_th=name_th, note=""
        ).update(note=note)


def unmark(apps, schema_editor):
    PublicHoliday = apps.get_model("cohorts", "PublicHoliday")
    for day, (_name, note) in PROVISIONAL.items():
        PublicHoliday.objects.filter(date=dt.date.fromisoformat(day), note=note).update(note="")


class Migration(migrations.Migration):
    dependencies = [("cohorts", "0008_public_holiday_note")]

    operations = [migrations.RunPython(mark, unmark)]
