"""Records which texts the real Autumn server keeps as sent, for catalog-dsl's text rules (issue 15 item 5).

One line per exchange, tab-separated: field, case, outcome (kept | altered | refused), HTTP status of the create,
repeat, text (non-printable-ASCII and backslash as \\uXXXX), what came back (the listed value, or the error).
"""
import json, subprocess
import probe
from probe import call, dump

probe.KEY = subprocess.check_output(['bash', '/tmp/autumn-server/new-org.sh'], text=True).strip()

CASES = [(c, t, 1) for c, t in probe.CASES if not c.startswith('long_')] + [('long_10k', 'x', 10_000), ('long_70k', 'x', 70_000)]

def esc(text):
    return ''.join(ch if 0x20 <= ord(ch) < 0x7f and ch != '\\' else '\\u%04x' % ord(ch) for ch in text)

def summary(text):
    return esc(text if len(text) <= 60 else text[:60] + '...')

lines = []
def run(field, create, lst, key, extra):
    sent = []
    for i, (case, unit, times) in enumerate(CASES):
        text = unit * times
        ident = ('t%02d_%s' % (i, case))[:40]
        body = dict(extra)
        body[key] = ident
        body[field.split('.')[1]] = text
        status, answer = call(create, dump(body))
        sent.append((case, unit, times, ident, text, status, answer))
    _, listed = call(lst, '{}')
    back = {x['id']: x.get(field.split('.')[1]) for x in json.loads(listed)['list']}
    for case, unit, times, ident, text, status, answer in sent:
        if status != 200:
            outcome, seen = 'refused', json.loads(answer).get('message', answer)
        elif back.get(ident) == text:
            outcome, seen = 'kept', back.get(ident)
        else:
            outcome, seen = 'altered', back.get(ident)
        lines.append('\t'.join([field, case, outcome, str(status), str(times), esc(unit), summary(str(seen))]))

run('feature.name', 'features.create', 'features.list', 'feature_id', {'type': 'boolean'})
probe.KEY = subprocess.check_output(['bash', '/tmp/autumn-server/new-org.sh'], text=True).strip()
for field in ('plan.name', 'plan.description', 'plan.group'):
    run(field, 'plans.create', 'plans.list', 'plan_id', {'name': 'P'})
    probe.KEY = subprocess.check_output(['bash', '/tmp/autumn-server/new-org.sh'], text=True).strip()
print('\n'.join(lines))
