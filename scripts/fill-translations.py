#!/usr/bin/env python3
"""fill-translations.py: completes translations/pop3connector_en.ts from the source texts (the
English forms, with singular and plural for %n messages). The Japanese catalogue is translated
by hand (Qt Linguist); this script leaves it alone."""
import os
import re
import xml.etree.ElementTree as ET

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
path = os.path.join(root, "translations", "pop3connector_en.ts")
tree = ET.parse(path)
for message in tree.getroot().iter("message"):
    source = message.find("source").text or ""
    translation = message.find("translation")
    if translation is None:
        translation = ET.SubElement(message, "translation")
    translation.attrib.pop("type", None)
    if message.get("numerus") == "yes":
        for child in list(translation):
            translation.remove(child)
        translation.text = None
        singular = re.sub(r"\((?:e?s)\)", "", source)
        plural = re.sub(r"\((e?s)\)", r"\1", source)
        for form in (singular, plural):
            ET.SubElement(translation, "numerusform").text = form
    else:
        translation.text = source
tree.write(path, encoding="utf-8", xml_declaration=True)
