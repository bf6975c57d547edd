"""Probe the real Autumn server: does a string come back from features.list / plans.list exactly as sent?"""
import json, sys, urllib.request, urllib.error

KEY = None  # set by record-texts.py from /tmp/autumn-server/new-org.sh
BASE = 'http://127.0.0.1:8090/v1/'

def call(route, body_text):
    req = urllib.request.Request(BASE + route, data=body_text.encode('utf-8', 'surrogatepass'), method='POST',
        headers={'Authorization': 'Bearer ' + KEY, 'X-API-Version': '2.3.0', 'Content-Type': 'application/json'})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.read().decode('utf-8', 'replace')
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode('utf-8', 'replace')

def dump(obj):
    # ensure_ascii=True writes every non-ASCII char (and lone surrogates) as \\uXXXX escapes: exact bytes on the wire
    return json.dumps(obj, ensure_ascii=True)

def short(text, n=300):
    return text if len(text) <= n else text[:n] + '…(%d chars)' % len(text)

CASES = [
    ('lone_high_surrogate', 'Pro \ud83d plan'),
    ('lone_low_surrogate', 'Pro \ude00 plan'),
    ('nul', 'Pro\x00plan'),
    ('control_0x01', 'Pro\x01plan'),
    ('tab', 'Pro\tplan'),
    ('newline', 'Pro\nplan'),
    ('carriage_return', 'Pro\rplan'),
    ('del_0x7f', 'Pro\x7fplan'),
    ('c1_nel_0x85', 'Pro\x85plan'),
    ('zero_width_space', 'Pro\u200bplan'),
    ('bom', '\ufeffPro'),
    ('line_separator_2028', 'Pro\u2028plan'),
    ('noncharacter_fffe', 'Pro\ufffeplan'),
    ('emoji_non_bmp', 'Pro \U0001F680 plan'),
    ('nfd_e_acute', 'Cafe\u0301'),
    ('leading_trailing_spaces', '  Pro  '),
    ('inner_double_space', 'Pro  plan'),
    ('nbsp_trailing', 'Pro\u00a0'),
    ('html', '<b>Pro</b> & "co"'),
    ('backslash_quote', 'a\\b"c'),
    ('long_10k', 'x' * 10_000),
    ('long_70k', 'x' * 70_000),
]

def features(cases):
    out = []
    for i, (case, text) in enumerate(cases):
        fid = 'f%02d_%s' % (i, case)[:40]
        body = dump({'feature_id': fid, 'name': text, 'type': 'boolean'})
        status, answer = call('features.create', body)
        out.append((case, fid, text, status, answer))
    status, listed = call('features.list', '{}')
    names = {f['id']: f.get('name') for f in json.loads(listed)['list']}
    for case, fid, text, status, answer in out:
        back = names.get(fid, '<absent>')
        same = back == text
        print(json.dumps({'kind': 'feature.name', 'case': case, 'sent': short(dump(text)), 'create_status': status,
                          'create_answer': short(answer, 200) if status != 200 else 'ok',
                          'listed': short(dump(back)) if not same else '(same)', 'round_trip': same}, ensure_ascii=False))

def plans(cases, field):
    out = []
    for i, (case, text) in enumerate(cases):
        pid = ('p%02d_%s_%s' % (i, field[:4], case))[:40]
        body = {'plan_id': pid, 'name': 'P'}
        body[field] = text
        status, answer = call('plans.create', dump(body))
        out.append((case, pid, text, status, answer))
    status, listed = call('plans.list', '{}')
    got = {p['id']: p.get(field) for p in json.loads(listed)['list']}
    for case, pid, text, status, answer in out:
        back = got.get(pid, '<absent>')
        same = back == text
        print(json.dumps({'kind': 'plan.' + field, 'case': case, 'sent': short(dump(text)), 'create_status': status,
                          'create_answer': short(answer, 200) if status != 200 else 'ok',
                          'listed': short(dump(back)) if not same else '(same)', 'round_trip': same}, ensure_ascii=False))

what = sys.argv[1] if len(sys.argv) > 1 and __name__ == "__main__" else None
if what == 'features':
    features(CASES)
elif what in ('name', 'description', 'group'):
    plans(CASES, what)
