#!/usr/bin/env python3
"""Writes the .ART sandbox's issue-17 scenarios: mappings/scenarios.json and __files/art/scenarios/*.json.

Every scenario lives in WireMock scenario "art-store"; the default state ("Started") leaves the demo data as it is.
Select one while the stack runs:  curl -X PUT <sandbox>/__admin/scenarios/art-store/state -d '{"state":"capped-pages"}'
Run again after editing:           python3 infra/local/sandboxes/art/generate-scenarios.py
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
CLIENT = "c1a1e0de-0000-4000-8000-00000000c001"  # the sandbox client whose store contact is max@gallery-one.art
CAP = 20
CAPPED = 45
AUTH = {"Authorization": {"matches": "Bearer .+"}}


def expires(days, form="+0000"):
    """An expired_at relative to today at midnight UTC, in one of the forms .ART may send."""
    sign = "+" if days >= 0 else "-"
    offset = f"{sign}{abs(days)} days" if days < 0 else f"{days} days"
    suffix = {"+0000": "+0000", "Z": "Z", "+00:00": ".250+00:00"}[form]
    return "{{now offset='%s' timezone='UTC' format=\"yyyy-MM-dd'T'00:00:00\"}}%s" % (offset, suffix)


def domain(number, name, expired_at, status="active", acl=("renew",)):
    item = {"_acl": list(acl), "id": "0b1c5a3e-%04d-4d6f-9a51-00000000%04d" % (number, number), "client": CLIENT,
            "idn": name, "name": name, "status": status, "created_at": "2019-07-25T13:18:46+0000",
            "updated_at": "2019-07-25T13:18:46+0000", "max_renew": 60, "nameservers": ["ns1.nic.art", "ns2.nic.art"],
            "contact": {"firstname": "Max", "lastname": "Pryakhin", "organization": "Gallery One AB",
                        "phone": "+46.812345678", "email": "max@gallery-one.art",
                        "address": {"zip": "119602", "country": "RU", "state": "Moscow", "city": "Moscow",
                                    "line1": "Akademika Anokhina st.", "line2": "2k7"}}}
    if expired_at is not None:
        item["expired_at"] = expired_at
    return item


def write_page(name, total, items):
    path = os.path.join(HERE, "__files", "art", "scenarios", name)
    text = json.dumps({"total": total, "items": items}, indent=2, ensure_ascii=False)
    # The templates' own quotes stay raw, as in the demo files: the text is JSON only once WireMock has rendered it.
    text = text.replace('format=\\"', 'format="').replace('\\"}}', '"}}')
    with open(path, "w") as out:
        out.write(text + "\n")
    return "art/scenarios/" + name


def listing(state, title, status, body_file=None, json_body=None, offset=None, priority=2):
    query = {"status": {"equalTo": status}}
    if offset is not None:
        query["offset"] = {"equalTo": str(offset)}
    response = {"status": 200, "headers": {"Content-Type": "application/json"}}
    if body_file:
        response["bodyFileName"] = body_file
        response["transformers"] = ["response-template"]
    else:
        response["jsonBody"] = json_body
    return {"name": f"scenario {state}: {title}", "priority": priority, "scenarioName": "art-store",
            "requiredScenarioState": state,
            "request": {"method": "GET", "urlPath": "/api/v2/store/domains", "headers": AUTH, "queryParameters": query},
            "response": response}


mappings = []

# capped-pages: 45 active domains, never more than 20 a page whatever limit asks (every 9th is due in 7 days).
capped = [domain(100 + i, "capped-%02d.art" % i, expires(7 if i % 9 == 0 else 200)) for i in range(CAPPED)]
for start in range(0, CAPPED, CAP):
    body = write_page(f"capped-{start}.json", CAPPED, capped[start:start + CAP])
    mappings.append(listing("capped-pages", f"active domains from offset {start}, at most {CAP}", "active", body, offset=start, priority=1))
mappings.append(listing("capped-pages", "past the end: empty, total 45", "active", json_body={"total": CAPPED, "items": []}))

# repeating-page: the server ignores offset and answers the first capped page every time.
mappings.append(listing("repeating-page", "offset ignored: the first page again and again", "active",
                        write_page("capped-0.json", CAPPED, capped[0:CAP])))

# grace-and-lost: the five demo domains (default mappings), plus one in grace and one unregistered.
mappings.append(listing("grace-and-lost", "one domain in grace", "expired",
                        write_page("grace.json", 1, [domain(201, "grace-six.art", expires(-3), status="expired")])))
mappings.append(listing("grace-and-lost", "one lost domain", "unregistered",
                        write_page("lost.json", 1, [domain(202, "lost-seven.art", expires(-60), status="unregistered", acl=())])))

# timestamps: the Z and +00:00 (with a fraction) forms are read; a value that is no timestamp fails its domain only.
mappings.append(listing("timestamps", "expired_at in every form, one unreadable", "active", write_page("timestamps.json", 4, [
    domain(301, "zulu-eight.art", expires(8, "Z")),
    domain(302, "colon-nine.art", expires(9, "+00:00")),
    domain(303, "plain-ten.art", expires(10)),
    domain(304, "broken-eleven.art", "next tuesday")])))
mappings.append(listing("timestamps", "past the end", "active", json_body={"total": 4, "items": []}, priority=3))

# contact-mismatch: gallery-one.art's client keeps only a contact with another e-mail (sent although we filter by
# e-mail, as a server ignoring the filter would): no order for it, a clear reason, the run goes on.
with open(os.path.join(HERE, "mappings", "store-contacts.json")) as f:
    own = next(m for m in json.load(f)["mappings"] if m["request"].get("queryParameters", {}).get("client", {}).get("equalTo") == CLIENT)
other = dict(own["response"]["jsonBody"]["items"][0], email="office@gallery-one.art")
mappings.append({"name": "scenario contact-mismatch: the client's only store contact has another e-mail", "priority": 1,
                 "scenarioName": "art-store", "requiredScenarioState": "contact-mismatch",
                 "request": {"method": "GET", "urlPath": "/api/v2/store/contacts", "headers": AUTH,
                             "queryParameters": {"client": {"equalTo": CLIENT}}},
                 "response": {"status": 200, "headers": {"Content-Type": "application/json"}, "jsonBody": {"total": 1, "items": [other]}}})

with open(os.path.join(HERE, "mappings", "scenarios.json"), "w") as out:
    json.dump({"mappings": mappings}, out, indent=2, ensure_ascii=False)
    out.write("\n")
