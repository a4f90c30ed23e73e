"""A person's contact card (vCard 3.0), with only what they consented to show."""

import vobject

from alumni.selectors import Entry


def vcard_for(entry: Entry) -> str:
    card = vobject.vCard()
    card.add("fn").value = entry.name_th
    card.add("n").value = vobject.vcard.Name(family="", given=entry.name_th)
    if entry.organisation:
        card.add("org").value = [entry.organisation]
    if entry.position:
        card.add("title").value = entry.position
    if entry.phone:
        tel = card.add("tel")
        tel.value = entry.phone
        tel.type_param = "CELL"
    if entry.email:
        card.add("email").value = entry.email
    if entry.line_id:
        card.add("x-line-id").value = entry.line_id
    if entry.province:
        card.add("adr").value = vobject.vcard.Address(region=entry.province, country="Thailand")
    return card.serialize()
