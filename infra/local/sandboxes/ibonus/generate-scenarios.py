#!/usr/bin/env python3
"""Writes the i-bonus sandbox's issue-17 scenarios (mappings/scenarios.json, __files/scenarios/*.json) from the
demo clients that generate.py wrote. They live in WireMock scenario "ibonus-clients"; the default state ("Started")
leaves the demo as it is. Select one while the stack runs:
    curl -X PUT <sandbox>/__admin/scenarios/ibonus-clients/state -d '{"state":"capped-pages"}'
and go back with the same PUT without a body.
"""
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
API = "/ext/api/v1"
AUTH = "Basic ZGVtbzpkZW1vLXBhc3N3b3Jk"  # demo:demo-password, as in generate.py
LIMIT = 100  # the sync's default page size
CAP = 50
CAPPED = 120


def demo_clients():
    clients = []
    for page in sorted((HERE / "__files" / "clients").glob("page-*.json"), key=lambda p: int(p.stem.split("-")[1])):
        clients.extend(json.loads(page.read_text()))
    return clients


def write(name, clients):
    path = HERE / "__files" / "scenarios" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[\n" + ",\n".join(json.dumps(c, ensure_ascii=False) for c in clients) + "\n]\n")
    return "scenarios/" + name


def page(state, title, offset, body_file=None, body=None, priority=1):
    query = {"email": {"absent": True}, "phone": {"absent": True}}
    if offset is not None:
        query["offset"] = {"equalTo": str(offset)}
    response = {"status": 200, "headers": {"Content-Type": "application/json;charset=UTF-8"}}
    if body_file is not None:
        response["bodyFileName"] = body_file
    else:
        response["jsonBody"] = body
    return {"name": f"scenario {state}: {title}", "priority": priority, "scenarioName": "ibonus-clients",
            "requiredScenarioState": state,
            "request": {"method": "GET", "urlPath": f"{API}/clients/", "queryParameters": query,
                        "headers": {"Authorization": {"equalTo": AUTH}}},
            "response": response}


def main():
    clients = demo_clients()
    mappings = []

    # capped-pages: 120 clients, at most 50 a page whatever limit asks: offsets 0, 50, 100, then 120 is empty.
    for start in range(0, CAPPED, CAP):
        mappings.append(page("capped-pages", f"clients from offset {start}, at most {CAP}", start,
                             write(f"capped-{start}.json", clients[start:min(CAPPED, start + CAP)])))
    mappings.append(page("capped-pages", f"past client {CAPPED}: the end", None, body=[], priority=2))

    # vanished: every 35th demo client is gone from the list (their coupons stay served, as a withdrawn client's would).
    kept = [c for i, c in enumerate(clients) if i % 35 != 0]
    for start in range(0, len(kept), LIMIT):
        mappings.append(page("vanished", f"clients from offset {start}, ten of them gone", start,
                             write(f"vanished-{start}.json", kept[start:start + LIMIT])))
    mappings.append(page("vanished", "past the end", None, body=[], priority=2))

    # repeating-page: offset ignored, the first page every time.
    mappings.append(page("repeating-page", "offset ignored: the first page again", None, "clients/page-0.json"))

    # oversized-page: more clients than limit on the first page.
    mappings.append(page("oversized-page", f"{LIMIT + 1} clients for a limit of {LIMIT}", 0,
                         write("oversized-0.json", clients[0:LIMIT + 1])))
    mappings.append(page("oversized-page", "past the end", None, body=[], priority=2))

    (HERE / "mappings" / "scenarios.json").write_text(json.dumps({"mappings": mappings}, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
