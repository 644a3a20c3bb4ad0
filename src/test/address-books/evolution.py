"""How GNOME Evolution's address book reads vCard files: libebook's EContact (through python3-gi).
Taken from ../shared/tools/vcard-clients. Prints {file: [card as EContact's fields]}."""
import json, re, sys
import gi
gi.require_version("EBookContacts", "1.2")
from gi.repository import EBookContacts as EB

F = EB.ContactField
FIELDS = {"FN": F.FULL_NAME, "FAMILY_NAME": F.FAMILY_NAME, "GIVEN_NAME": F.GIVEN_NAME, "ORG": F.ORG,
          "ORG_UNIT": F.ORG_UNIT, "TITLE": F.TITLE, "PHONE_BUSINESS": F.PHONE_BUSINESS, "PHONE_MOBILE": F.PHONE_MOBILE,
          "PHONE_PRIMARY": F.PHONE_PRIMARY, "EMAIL_1": F.EMAIL_1, "EMAIL_2": F.EMAIL_2, "HOMEPAGE_URL": F.HOMEPAGE_URL}

def read(card):
    contact = EB.Contact.new_from_vcard(card)
    out = {}
    for key, field in FIELDS.items():
        value = contact.get_property(EB.Contact.field_name(field))
        if value not in (None, ""):
            out[key] = value
    name = contact.get_attribute("N")
    if name is not None:
        out["N"] = name.get_values()
    for attribute in EB.VCard.get_attributes(contact):
        if attribute.get_name().upper() in ("X-PHONETIC-FIRST-NAME", "X-PHONETIC-LAST-NAME"):
            out[attribute.get_name().upper()] = attribute.get_values()[0]
    return out

result = {}
for path in sys.argv[1:]:
    text = open(path, encoding="utf-8", newline="").read()
    result[path.split("/")[-1]] = [read(card) for card in re.findall(r"BEGIN:VCARD.*?END:VCARD\r?\n?", text, re.S)]
print(json.dumps(result, ensure_ascii=False))
