#!/usr/bin/env python3
"""Generates the i-bonus.me WireMock sandbox: mappings/*.json and __files/ (run from anywhere; output is reproducible).

350 clients over four pages of 100 (the sync's default page size), about a fifth without coupons, some with expired
coupons, one or two balances each; two filter examples; 401 for wrong credentials and 404 for unknown clients.
Credentials: {"username": "demo", "password": "demo-password"} (what the local runner stores in its secret).
__files/manifest.json holds the totals the sync-coupons tests check a full run against.
"""
import base64
import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
CLIENTS = 350
PAGE = 100
FIRST_CLIENT_ID = 100001
FIRST_COUPON_ID = 500001
AUTH = "Basic " + base64.b64encode(b"demo:demo-password").decode()
API = "/ext/api/v1"
ACTIVE_FROM_MS = 1924992000000   # 2031-01-01T00:00:00Z: coupons that stay active for years
EXPIRED_FROM_MS = 1672531200000  # 2023-01-01T00:00:00Z: coupons already expired
YEAR_MS = 365 * 24 * 3600 * 1000

rnd = random.Random(6)  # issue 6: the same seed gives the same sandbox


def hex_token(length=32):
    return "".join(rnd.choice("0123456789abcdef") for _ in range(length))


def money(low, high):
    return round(rnd.uniform(low, high), 2)


def client(n):
    cid = FIRST_CLIENT_ID + n
    vip = n % 10 == 0
    return {
        "id": cid,
        "email": f"client{cid}@{'vip.example' if vip else 'shop.example'}",
        "phone": f"79{12 if n % 7 == 0 else 25}{n:06d}",
        "name": f"Client {cid}",
        "avatarUrl": f"https://cdn.shop.example/avatars/{cid}.jpg",
        "paidPurchases": rnd.randint(0, 40),
        "totalPurchases": rnd.randint(40, 60),
        "averageBill": money(50, 900),
        "totalPurchasesAmount": money(1000, 50000),
        "paidPurchasesAmount": money(100, 1000),
        "positiveReviews": rnd.randint(0, 5),
        "neutralReviews": rnd.randint(0, 3),
        "negativeReviews": rnd.randint(0, 2),
        "token": hex_token(),
    }


def coupon(coupon_id, expired):
    c = {"id": coupon_id}
    if rnd.random() < 0.8:
        c["title"] = f"Promo {coupon_id}"
    if rnd.random() < 0.9:
        c["header"] = rnd.choice(["Скидка 10%", "Кофе в подарок", "Free dessert", "2 for 1"])
    if rnd.random() < 0.5:
        c["subHeader"] = "До конца месяца"
    if rnd.random() < 0.7:
        c["shortDescription"] = "<p>Покажите код на кассе</p>"
    if rnd.random() < 0.4:
        c["longDescription"] = "<p>Не суммируется с другими акциями. <b>Один раз</b> на чек.</p>"
    base = EXPIRED_FROM_MS if expired else ACTIVE_FROM_MS
    c["expireDate"] = base + rnd.randint(0, 4 * YEAR_MS if not expired else YEAR_MS // 2) // 1000 * 1000
    c["token"] = hex_token(rnd.choice([17, 24, 32]))
    c["shareToken"] = hex_token()
    c["merchantToken"] = f"{rnd.randint(0, 999999):06d}"  # six digits, leading zeros kept as text
    c["merchantShareToken"] = f"{rnd.randint(0, 999999):06d}"
    return c


def stub(method, url, body=None, body_file=None, query=None, status=200, priority=None, auth=True):
    request = {"method": method}
    if query is None:
        request["url"] = url
    else:
        request["urlPath"] = url
        request["queryParameters"] = query
    if auth:
        request["headers"] = {"Authorization": {"equalTo": AUTH}}
    response = {"status": status, "headers": {"Content-Type": "application/json;charset=UTF-8"}}
    if body is not None:
        response["jsonBody"] = body
    if body_file is not None:
        response["bodyFileName"] = body_file
    mapping = {"request": request, "response": response}
    if priority is not None:
        mapping["priority"] = priority
    return mapping


def write(path, data):
    """One array element a line: compact, yet a diff shows which client changed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    dump = lambda v: json.dumps(v, ensure_ascii=False)
    if isinstance(data, dict) and list(data) == ["mappings"]:
        text = '{"mappings": [\n' + ",\n".join(dump(m) for m in data["mappings"]) + "\n]}\n"
    elif isinstance(data, list):
        text = "[\n" + ",\n".join(dump(e) for e in data) + "\n]\n"
    else:
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    path.write_text(text, encoding="utf-8")


def error(status, reason, message, path):
    return {"error": reason, "message": message, "path": path, "status": status, "timestamp": 1513521246746}


def main():
    clients = [client(n) for n in range(CLIENTS)]
    next_coupon = FIRST_COUPON_ID
    coupon_stubs, balance_stubs = [], []
    totals = {"clients": CLIENTS, "pageSize": PAGE, "pages": (CLIENTS + PAGE - 1) // PAGE, "coupons": 0,
              "expiredCoupons": 0, "activeCoupons": 0, "clientsWithoutCoupons": 0, "balances": 0, "vipClients": 0}
    for c in clients:
        coupons = []
        if rnd.random() >= 0.2:
            for _ in range(rnd.randint(1, 5)):
                coupons.append(coupon(next_coupon, expired=False))
                next_coupon += 1
            if rnd.random() < 0.15:
                coupons.append(coupon(next_coupon, expired=True))
                next_coupon += 1
                totals["expiredCoupons"] += 1
        else:
            totals["clientsWithoutCoupons"] += 1
        totals["coupons"] += len(coupons)
        balances = [{"amount": money(0, 5000), "currency": "points"}]
        if rnd.random() < 0.6:
            balances.append({"amount": money(0, 3000), "currency": "rubles"})
        totals["balances"] += len(balances)
        coupon_stubs.append(stub("GET", f"{API}/clients/{c['id']}/coupons/", body=coupons))
        balance_stubs.append(stub("GET", f"{API}/clients/{c['id']}/balance/", body=balances))
    totals["activeCoupons"] = totals["coupons"] - totals["expiredCoupons"]

    pages = []
    for offset in range(0, CLIENTS, PAGE):
        name = f"clients/page-{offset // PAGE}.json"
        write(HERE / "__files" / name, clients[offset:offset + PAGE])
        pages.append(stub("GET", f"{API}/clients/", body_file=name, query={
            "offset": {"equalTo": str(offset)}, "limit": {"equalTo": str(PAGE)},
            "email": {"absent": True}, "phone": {"absent": True}}))
    vip = [c for c in clients if c["email"].endswith("@vip.example")]
    totals["vipClients"] = len(vip)
    pages.append(stub("GET", f"{API}/clients/", body=vip, query={
        "email": {"equalTo": "%@vip.example"}, "offset": {"equalTo": "0"}, "limit": {"equalTo": str(PAGE)}}))
    pages.append(stub("GET", f"{API}/clients/", body=[c for c in clients if c["phone"].startswith("7912")], query={
        "phone": {"equalTo": "7912%"}, "offset": {"equalTo": "0"}, "limit": {"equalTo": str(PAGE)}}))
    # Any other page, filter or page size: an empty page, as a search without matches would answer.
    pages.append(stub("GET", f"{API}/clients/", body=[], query={}, priority=8))

    write(HERE / "mappings" / "clients.json", {"mappings": pages})
    write(HERE / "mappings" / "coupons.json", {"mappings": coupon_stubs})
    write(HERE / "mappings" / "balances.json", {"mappings": balance_stubs})
    write(HERE / "mappings" / "orders-and-errors.json", {"mappings": [
        stub("POST", f"{API}/fiscal/orders/"),
        {"priority": 9, "request": {"method": "GET", "urlPathPattern": f"{API}/clients/[0-9]+/(coupons|balance)/",
                                    "headers": {"Authorization": {"equalTo": AUTH}}},
         "response": {"status": 404, "headers": {"Content-Type": "application/json;charset=UTF-8"},
                      "jsonBody": error(404, "Not Found", "Client is not found.", f"{API}/clients/")}},
        {"priority": 10, "request": {"urlPathPattern": f"{API}/.*"},
         "response": {"status": 401, "headers": {"Content-Type": "application/json;charset=UTF-8"},
                      "jsonBody": error(401, "Unauthorized", "Bad credentials", f"{API}/")}},
    ]})
    write(HERE / "__files" / "manifest.json", totals)
    print(json.dumps(totals))


if __name__ == "__main__":
    main()
