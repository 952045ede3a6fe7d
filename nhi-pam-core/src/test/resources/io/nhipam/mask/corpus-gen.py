#!/usr/bin/env python3
"""Generates corpus-positive.tsv and corpus-negative.tsv (deterministic, seed 20240917).

Run from this directory: python3 corpus-gen.py. Columns:
  positive: <detector>\t<text>\t<value>   (value: the sensitive substring as it appears in text)
  negative: <category>\t<text>\t<allowed> (allowed: comma-separated detectors that may fire, or -)
Escapes in text: \\n newline, \\t tab, \\\\ backslash (the test unescapes them).
"""
import base64, json, random, string, zlib

R = random.Random(20240917)
B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase

def luhn_complete(prefix, length):
    body = prefix + ''.join(R.choice(string.digits) for _ in range(length - len(prefix) - 1))
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9: d -= 9
        total += d
    return body + str((10 - total % 10) % 10)

def luhn_ok(num):
    total = 0
    for i, ch in enumerate(reversed(num)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9: d -= 9
        total += d
    return total % 10 == 0

def group(num, sizes, sep):
    out, i = [], 0
    for s in sizes:
        out.append(num[i:i+s]); i += s
    if i < len(num): out.append(num[i:])
    return sep.join(p for p in out if p)

def fullwidth(s):
    return ''.join(chr(ord(c) - 0x30 + 0xFF10) if c.isdigit() else c for c in s)

def zerowidth(s):
    zw = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']
    return ''.join(c + (R.choice(zw) if c.isdigit() and R.random() < 0.4 else '') for c in s).rstrip(''.join(zw))

def esc(s):
    return s.replace('\\', '\\\\').replace('\n', '\\n').replace('\t', '\\t')

pos, neg = [], []
def P(det, text, value): 
    assert value in text, (det, text, value)
    pos.append((det, text, value))
def N(cat, text, allowed='-'): neg.append((cat, text, allowed))

# ---------------- cards
brands = [('4', 16, [4,4,4,4]), ('4', 13, [4,4,5]), ('4', 19, [4,4,4,4,3]), ('51', 16, [4,4,4,4]),
          ('55', 16, [4,4,4,4]), ('2221', 16, [4,4,4,4]), ('2720', 16, [4,4,4,4]), ('34', 15, [4,6,5]),
          ('37', 15, [4,6,5]), ('6011', 16, [4,4,4,4]), ('65', 16, [4,4,4,4]), ('36', 14, [4,6,4]),
          ('3530', 16, [4,4,4,4]), ('62', 16, [4,4,4,4]), ('62', 19, [4,4,4,4,3]), ('5018', 16, [4,4,4,4]),
          ('6759', 19, [4,4,4,4,3]), ('2200', 16, [4,4,4,4]), ('300', 14, [4,6,4])]
contexts = [
    lambda v: f"my card is {v}, thanks",
    lambda v: f'{{"card_number": "{v}", "exp": "12/27"}}',
    lambda v: f"https://shop.example.com/pay?card={v}&exp=1227",
    lambda v: f"card on file:\n{v}\n",
    lambda v: f"Charge {v}",
    lambda v: f"<td>{v}</td>",
    lambda v: f"cc={v};cvv=123",
    lambda v: f"{v}",
]
for prefix, length, sizes in brands:
    for fmt in ['plain', 'space', 'dash', 'dot', 'full', 'zw', 'fullspace']:
        num = luhn_complete(prefix, length)
        if fmt == 'plain': v = num
        elif fmt == 'space': v = group(num, sizes, ' ')
        elif fmt == 'dash': v = group(num, sizes, '-')
        elif fmt == 'dot': v = group(num, sizes, '.')
        elif fmt == 'full': v = fullwidth(num)
        elif fmt == 'zw': v = zerowidth(group(num, sizes, ' '))
        else: v = fullwidth(group(num, sizes, ' '))
        P('card', R.choice(contexts)(v), v)
for _ in range(10):
    num = luhn_complete('4', 16)
    P('card', f'{{"card": {num}, "amount": 12.5}}', num)
for _ in range(6):
    num = luhn_complete(R.choice(['4', '51', '37']), 16 if True else 15)
    if not num.startswith('37'):
        enc = base64.b64encode(f"card: {num}".encode()).decode()
        P('card', f"payload={enc}", enc)
for _ in range(6):
    num = luhn_complete('4', 16)
    enc = group(num, [4,4,4,4], '%20')
    P('card', f"GET /checkout?number={enc}&cvc=1", enc)

# ---------------- IBAN
IBAN_LEN = {'DE':22,'GB':22,'FR':27,'NL':18,'ES':24,'IT':27,'BE':16,'CH':21,'AT':20,'PL':28,'SE':24,'NO':15,'DK':18,'FI':18,'IE':22,'PT':25}
def mod97(s):
    r = 0
    for ch in s:
        r = (r * (10 if ch.isdigit() else 100) + (int(ch) if ch.isdigit() else ord(ch) - 55)) % 97
    return r
def iban(cc):
    n = IBAN_LEN[cc]
    if cc in ('GB', 'NL', 'IE'):
        bban = ''.join(R.choice(string.ascii_uppercase) for _ in range(4)) + ''.join(R.choice(string.digits) for _ in range(n - 8))
    else:
        bban = ''.join(R.choice(string.digits) for _ in range(n - 4))
    check = 98 - mod97(bban + cc + '00')
    return f"{cc}{check:02d}{bban}"
for cc in IBAN_LEN:
    for fmt in ['plain', 'space', 'json', 'prose']:
        ib = iban(cc)
        v = ' '.join(ib[i:i+4] for i in range(0, len(ib), 4)) if fmt in ('space', 'prose') else ib
        text = {'plain': f"IBAN: {v}", 'space': f"Please transfer to {v} by Friday.",
                'json': f'{{"iban":"{v}"}}', 'prose': f"Konto {v}\n"}[fmt]
        P('iban', text, v)

# ---------------- SSN
for _ in range(24):
    while True:
        a = R.randint(1, 899)
        if a != 666: break
    v = f"{a:03d}-{R.randint(1,99):02d}-{R.randint(1,9999):04d}"
    if R.random() < 0.3: v = v.replace('-', ' ')
    P('ssn', R.choice([f"SSN: {v}", f'{{"ssn":"{v}"}}', f"ssn={v}&x=1", f"employee {v} onboarded"]), v)

# ---------------- email
names = ['john.smith', 'a.b', 'jane_doe+news', 'ops-team', 'x', 'first.last.name']
domains = ['example.com', 'mail.example.co.uk', 'corp.example.org', 'example.io']
for _ in range(20):
    v = f"{R.choice(names)}{R.randint(1,99)}@{R.choice(domains)}"
    P('email', R.choice([f"contact {v} for help", f'{{"email":"{v}"}}', f"mailto:{v}", f"From: <{v}>"]), v)

# ---------------- phone
for _ in range(20):
    kind = R.randint(0, 4)
    if kind == 0: v = f"+1 {R.randint(200,999)} {R.randint(200,999)} {R.randint(1000,9999)}"
    elif kind == 1: v = f"+44 20 {R.randint(7000,7999)} {R.randint(1000,9999)}"
    elif kind == 2: v = f"({R.randint(200,999)}) {R.randint(200,999)}-{R.randint(1000,9999)}"
    elif kind == 3: v = f"{R.randint(200,999)}-{R.randint(200,999)}-{R.randint(1000,9999)}"
    else: v = f"+49{R.randint(100,999)}{R.randint(1000000,9999999)}"
    P('phone', R.choice([f"call me at {v}", f'{{"phone":"{v}"}}', f"Tel: {v}\n"]), v)

# ---------------- IP
for _ in range(10):
    v = f"{R.randint(1,223)}.{R.randint(0,255)}.{R.randint(0,255)}.{R.randint(1,254)}"
    P('ip', R.choice([f"client {v} connected", f"X-Forwarded-For: {v}", f'{{"ip":"{v}"}}']), v)
for v in ["2001:db8:85a3::8a2e:370:7334", "fe80:0:0:0:202:b3ff:fe1e:8329", "2001:0db8:0000:0000:0000:ff00:0042:8329", "2a00:1450:4001:81c::200e"]:
    P('ip', f"remote_addr={v} port=443", v)

# ---------------- keys and tokens
def rnd(alpha, n): return ''.join(R.choice(alpha) for _ in range(n))
def b62enc(n):
    s = ''
    while n: s = B62[n % 62] + s; n //= 62
    return s.rjust(6, '0')
for _ in range(8):
    v = R.choice(['AKIA', 'ASIA']) + rnd(string.ascii_uppercase + '234567', 16)
    P('aws-access-key', R.choice([f"aws_access_key_id = {v}", f'"AccessKeyId": "{v}"', f"export AWS_ACCESS_KEY_ID={v}"]), v)
for _ in range(6):
    v = rnd(string.ascii_letters + string.digits + '/+', 40)
    P('aws-secret-key', R.choice([f"aws_secret_access_key = {v}", f"AWS_SECRET_ACCESS_KEY={v}", f'"aws_secret_key": "{v}"']), v)
for _ in range(10):
    body = rnd(B62, 30)
    v = R.choice(['ghp_', 'gho_', 'ghs_', 'ghu_', 'ghr_']) + body + b62enc(zlib.crc32(body.encode()))
    P('github-token', R.choice([f"GITHUB_TOKEN={v}", f"Authorization: token {v}", f"git clone https://{v}@github.com/org/repo"]), v)
for _ in range(2):
    v = 'github_pat_' + rnd(B62, 22) + '_' + rnd(B62, 59)
    P('github-token', f"token: {v}", v)
for _ in range(6):
    v = R.choice(['xoxb-', 'xoxp-', 'xoxa-']) + f"{R.randint(10**10, 10**11)}-{R.randint(10**10, 10**11)}-" + rnd(B62, 24)
    P('slack-token', R.choice([f"SLACK_BOT_TOKEN={v}", f'{{"token":"{v}"}}']), v)
for _ in range(6):
    v = R.choice(['sk_live_', 'sk_test_', 'rk_live_']) + rnd(B62, 24)
    P('stripe-key', R.choice([f"Stripe.apiKey = \"{v}\";", f"STRIPE_SECRET_KEY={v}"]), v)
for _ in range(6):
    v = 'AIza' + rnd(string.ascii_letters + string.digits + '_-', 35)
    P('google-api-key', R.choice([f"https://maps.googleapis.com/maps/api/js?key={v}&callback=init", f'"api_key": "{v}"']), v)
for _ in range(6):
    v = R.choice(['sk-proj-' + rnd(string.ascii_letters + string.digits + '_-', 120), 'sk-' + rnd(B62, 20) + 'T3BlbkFJ' + rnd(B62, 20)])
    P('openai-key', R.choice([f"OPENAI_API_KEY={v}", f"Authorization: Bearer {v}"]), v)
for _ in range(6):
    v = 'sk-ant-api03-' + rnd(string.ascii_letters + string.digits + '_-', 93) + 'AA'
    P('anthropic-key', R.choice([f"ANTHROPIC_API_KEY={v}", f"x-api-key: {v}"]), v)
for kind in ['RSA PRIVATE KEY', 'EC PRIVATE KEY', 'PRIVATE KEY', 'OPENSSH PRIVATE KEY', 'ENCRYPTED PRIVATE KEY', 'DSA PRIVATE KEY']:
    body = '\n'.join(rnd(string.ascii_letters + string.digits + '+/', 64) for _ in range(R.randint(3, 8)))
    v = f"-----BEGIN {kind}-----\n{body}\n-----END {kind}-----"
    P('private-key', R.choice([f"key.pem:\n{v}\n", f"{v}"]), v)
def b64u(b): return base64.urlsafe_b64encode(b).decode().rstrip('=')
for _ in range(8):
    h = b64u(json.dumps({"alg": R.choice(["HS256", "RS256", "EdDSA"]), "typ": "JWT"}).encode())
    p = b64u(json.dumps({"sub": f"user{R.randint(1,999)}", "iat": R.randint(1600000000, 1800000000)}).encode())
    v = f"{h}.{p}.{rnd(string.ascii_letters + string.digits + '_-', 43)}"
    P('jwt', R.choice([f"Authorization: Bearer {v}", f'{{"id_token":"{v}"}}', f"?jwt={v}"]), v)
for _ in range(6):
    v = R.choice(['v4.public.', 'v4.local.', 'v3.public.', 'v2.local.']) + rnd(string.ascii_letters + string.digits + '_-', R.randint(80, 200))
    if R.random() < 0.5: v += '.' + b64u(b'{"kid":"k4.pid.abc"}')
    P('paseto', R.choice([f"Authorization: Bearer {v}", f'{{"token":"{v}"}}']), v)
for _ in range(20):
    body = rnd(B62, 43)
    crc = zlib.crc32(body.encode())
    chk = ''
    for _ in range(6): chk = B62[crc % 62] + chk; crc //= 62
    v = 'nhipam_' + body + chk
    P('nhipam-secret', R.choice([f"DEPLOY_KEY={v}", f'{{"secret":"{v}"}}', f"leaked: {v}\n", f"https://ci.example/hook?s={v}", f"{v}"]), v)
for _ in range(14):
    v = rnd(string.ascii_letters + string.digits + '!#$^', R.randint(12, 30))
    if not any(c.isdigit() for c in v): v += '7'
    P('generic-secret', R.choice([f"password={v}", f'"client_secret": "{v}"', f"DB_PASSWORD: {v}", f"api_token = '{v}'", f"secret_key={v}\n"]), v)

# ---------------- negatives
def luhn_fail(prefix, length):
    while True:
        n = prefix + rnd(string.digits, length - len(prefix))
        if not luhn_ok(n): return n
for _ in range(40):
    n = luhn_fail(R.choice(['4', '5', '37', '6011']), 16)
    N('luhn-failing-16', R.choice([f"ref {n}", f"{group(n, [4,4,4,4], ' ')}", f"id={n}", f'{{"ref":"{group(n,[4,4,4,4],"-")}"}}']))
for _ in range(30):
    N('order-number', R.choice([f"Order #{R.randint(10**7, 10**9)}", f"order ORD-{R.randint(2019,2025)}-{R.randint(1,999999):06d}", f"PO {R.randint(10**5, 10**6)}/{R.randint(1,99)}", f"invoice INV{R.randint(10**9, 10**10)}"]))
for _ in range(30):
    N('timestamp', R.choice([f"{R.randint(2000,2030)}-{R.randint(1,12):02d}-{R.randint(1,28):02d}T{R.randint(0,23):02d}:{R.randint(0,59):02d}:{R.randint(0,59):02d}Z",
                             f"ts={R.randint(1500000000,1800000000)}", f"epoch_ms={R.randint(1500000000000,1800000000000)}",
                             f"[{R.randint(2000,2030)}-{R.randint(1,12):02d}-{R.randint(1,28):02d} {R.randint(0,23):02d}:{R.randint(0,59):02d}:{R.randint(0,59):02d}.{R.randint(0,999):03d}] INFO started"]))
import uuid
for _ in range(30):
    u = str(uuid.UUID(int=R.getrandbits(128), version=4))
    N('uuid', R.choice([f"request_id={u}", f'{{"id":"{u}"}}', f"/api/orders/{u}/items", u.upper()]))
for _ in range(25):
    core = '978' + rnd(string.digits, 9)
    s = sum((1 if i % 2 == 0 else 3) * int(c) for i, c in enumerate(core))
    isbn = core + str((10 - s % 10) % 10)
    N('isbn', R.choice([f"ISBN {isbn}", f"ISBN-13: {isbn[:3]}-{isbn[3]}-{isbn[4:8]}-{isbn[8:12]}-{isbn[12]}", f"isbn={isbn}"]))
for _ in range(25):
    N('tracking', R.choice([f"UPS 1Z{rnd(string.ascii_uppercase + string.digits, 16)}", f"USPS 9400 {rnd(string.digits,4)} {rnd(string.digits,4)} {rnd(string.digits,4)} {rnd(string.digits,4)} {rnd(string.digits,2)}",
                            f"FedEx {rnd(string.digits, 12)}", f"tracking: {rnd(string.digits, 22)}", f"DHL JD{rnd(string.digits, 18)}"]))
for _ in range(25):
    N('version', R.choice([f"v{R.randint(0,20)}.{R.randint(0,40)}.{R.randint(0,99)}", f"version {R.randint(0,20)}.{R.randint(0,40)}.{R.randint(0,99)}-SNAPSHOT",
                           f"Windows 10.0.{R.randint(10000,22999)}.{R.randint(1000,9999)}", f"jackson-databind-2.{R.randint(10,22)}.{R.randint(0,5)}.jar", f"node@{R.randint(14,22)}.{R.randint(0,20)}.{R.randint(0,9)}"]))
for _ in range(25):
    kind = R.randint(0, 2)
    if kind == 0: v = f"+1 {R.randint(200,999)} {R.randint(200,999)} {R.randint(1000,9999)}"
    elif kind == 1: v = f"({R.randint(200,999)}) {R.randint(200,999)}-{R.randint(1000,9999)}"
    else: v = f"+44 20 {R.randint(7000,7999)} {R.randint(1000,9999)}"
    N('phone-not-card', f"Call {v} today", 'phone')
for _ in range(20):
    N('hash', R.choice([f"commit {rnd('0123456789abcdef', 40)}", f"sha256:{rnd('0123456789abcdef', 64)}", f"etag \"{rnd('0123456789abcdef', 32)}\""]))
for _ in range(15):
    ib = iban(R.choice(list(IBAN_LEN)))
    bad = ib[:2] + f"{(int(ib[2:4]) + R.randint(1, 50)) % 100:02d}" + ib[4:]
    if mod97(bad[4:] + bad[:4]) != 1:
        N('iban-bad-checksum', f"IBAN {bad}")
for _ in range(15):
    a = R.choice([0, 666, R.randint(900, 999)])
    N('ssn-invalid', f"SSN {a:03d}-{R.randint(1,99):02d}-{R.randint(1,9999):04d}")
for _ in range(20):
    N('prose', R.choice(["The password must be at least 12 characters long.", "Your token expired; please sign in again.",
                         "Set the secret in the vault, not in code.", "password: required", "api_key: <your key here>",
                         "Use AKIA-style ids only in tests.", "Price: $1,234.56 (incl. VAT 19%)", "Meeting at 10:30, room 4.12",
                         "See RFC 7519 section 4.1.4 for exp.", "Call the 24/7 hotline.", "ZIP 94103-1234",
                         "password=${DB_PASSWORD}", "token: %TOKEN%", "secret_name=prod-db-credentials",
                         "gitleaks:allow is a comment marker", "color: #ff00ff; width: 100px", "Temperature 21.5C at 08:15",
                         "Total 1234567 items shipped in 2023", "Build 2024.05.17.1 passed", "sk-learn is a library"]))
for _ in range(15):
    harmless = R.choice([b'hello world, nothing to see here', b'{"ok":true,"count":3}', b'lorem ipsum dolor sit amet'])
    N('base64-harmless', "data=" + base64.b64encode(harmless).decode())
for _ in range(10):
    N('mac-address', ':'.join(rnd('0123456789ABCDEF', 2) for _ in range(6)))
for _ in range(10):
    N('decimal', f"{R.randint(1, 10**12)}.{R.randint(10, 99)}")
for _ in range(10):
    N('coordinates', f"lat={R.uniform(-90,90):.6f}, lon={R.uniform(-180,180):.6f}")

with open('corpus-positive.tsv', 'w', encoding='utf-8') as f:
    f.write('# detector\ttext\tvalue  (generated by corpus-gen.py)\n')
    for d, t, v in pos: f.write(f"{d}\t{esc(t)}\t{esc(v)}\n")
with open('corpus-negative.tsv', 'w', encoding='utf-8') as f:
    f.write('# category\ttext\tallowed  (generated by corpus-gen.py)\n')
    for c, t, a in neg: f.write(f"{c}\t{esc(t)}\t{a}\n")
print(len(pos), len(neg))
