"""Programme-scale people: 300 local governments in every province, 2,000 learners.

Bulk inserts of the rows ``accounts.demo.ensure_person`` makes one by one (user with the
shared password hash, verified primary email address, learner group). Idempotent: the
organisations and people that exist are kept, only the missing ones are inserted.
"""

from allauth.account.models import EmailAddress

from django.contrib.auth.models import Group

from accounts.demo import TEAM_POSITIONS, _person_name
from accounts.models import Organisation, Province, User
from accounts.roles import LEARNER

ORGANISATIONS, LEARNERS = 300, 2000
K = Organisation.Kind
# Four local governments a province (the first 300 in province order): the provincial
# administration, the town municipality and two subdistrict bodies.
KINDS = [
    ("องค์การบริหารส่วนจังหวัด{p}", "{p} Provincial Administrative Organisation", K.PAO),
    ("เทศบาลเมือง{p}", "{p} Town Municipality", K.TOWN_MUNICIPALITY),
    ("เทศบาลตำบลบ้านใหม่{p}", "Ban Mai {p} Subdistrict Municipality", K.SUBDISTRICT_MUNICIPALITY),
    ("องค์การบริหารส่วนตำบลหนองบัว{p}", "Nong Bua {p} Subdistrict Administrative Organisation",
     K.SAO),
]  # fmt: skip


def scale_email(index: int) -> str:
    return f"programme.p{index:04d}@example.org"


def _organisations() -> list[Organisation]:
    provinces = list(Province.objects.order_by("code"))
    wanted = [
        Organisation(
            name_th=th.format(p=province.name_th),
            name_en=en.format(p=province.name_en),
            kind=kind,
            province=province,
        )
        for th, en, kind in KINDS
        for province in provinces
    ][:ORGANISATIONS]
    existing = {
        (o.name_th, o.province_id): o
        for o in Organisation.objects.filter(name_th__in=[o.name_th for o in wanted])
    }
    Organisation.objects.bulk_create(
        [o for o in wanted if (o.name_th, o.province_id) not in existing]
    )
    return [existing.get((o.name_th, o.province_id), o) for o in wanted]


def _learners(ctx, organisations: list[Organisation]) -> list[User]:
    """Learner i works for organisation i // 3 (mod 300), in team order of positions."""
    emails = [scale_email(i) for i in range(LEARNERS)]
    existing = set(User.objects.filter(email__in=emails).values_list("email", flat=True))
    new = []
    for index, email in enumerate(emails):
        if email in existing:
            continue
        position, _role = TEAM_POSITIONS[index % len(TEAM_POSITIONS)]
        new.append(User(
            email=email, password=ctx.password_hash, position=position,
            organisation=organisations[(index // 3) % len(organisations)],
            phone=f"09{(index * 7919) % 100000000:08d}", **_person_name(index + 1000),
        ))  # fmt: skip
    User.objects.bulk_create(new)
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in new]
    )
    learners = Group.objects.get(name=LEARNER)
    User.groups.through.objects.bulk_create(
        [User.groups.through(user_id=u.pk, group_id=learners.pk) for u in new]
    )
    by_email = {
        u.email: u for u in User.objects.filter(email__in=emails).select_related("organisation")
    }
    return [by_email[email] for email in emails]


def seed(ctx) -> None:
    organisations = _organisations()
    ctx.data["scale_organisations"] = organisations
    ctx.data["scale_learners"] = _learners(ctx, organisations)
    provinces = len({o.province_id for o in organisations})
    ctx.say(f"Programme scale: {len(organisations)} local governments in {provinces} "
            f"provinces, {len(ctx.data['scale_learners'])} learners.")  # fmt: skip
