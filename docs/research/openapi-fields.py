# Lists every field of an OpenAPI 2.3.0 request body or 200 answer: python3 openapi-fields.py /v1/plans.create req|resp
# Prints "path | req/opt | type [default] | description". Set OPENAPI to use another spec file.
import yaml,sys,json
import os
d=yaml.safe_load(open(os.environ.get('OPENAPI', '/work/shared/autumn-api/openapi-2.3.0.yml')))
comps=d.get('components',{}).get('schemas',{})
def deref(s):
    while isinstance(s,dict) and '$ref' in s:
        name=s['$ref'].split('/')[-1]; s=comps[name]
    return s
def walk(s,prefix,out,depth=0):
    s=deref(s)
    if not isinstance(s,dict) or depth>8: return
    for k in ('anyOf','oneOf','allOf'):
        if k in s:
            for i,sub in enumerate(s[k]):
                walk(sub,prefix,out,depth+1)
    t=s.get('type')
    if t=='object' or 'properties' in s:
        req=set(s.get('required',[]))
        for p,ps in s.get('properties',{}).items():
            ps2=deref(ps)
            typ=ps2.get('type') or ('anyOf' if 'anyOf' in ps2 else ('oneOf' if 'oneOf' in ps2 else ''))
            if 'enum' in ps2: typ=str(typ)+' enum'+json.dumps(ps2['enum'])
            if 'const' in ps2: typ=str(typ)+' const '+json.dumps(ps2['const'])
            if 'anyOf' in ps2:
                typ='anyOf['+','.join(str(deref(x).get('type',''))+('enum'+json.dumps(deref(x)['enum']) if 'enum' in deref(x) else '')+('const'+json.dumps(deref(x)['const']) if 'const' in deref(x) else '') for x in ps2['anyOf'])+']'
            dflt=(' default='+json.dumps(ps2['default'])) if 'default' in ps2 else ''
            internal=' INTERNAL' if ps2.get('x-internal') or ps2.get('internal') else ''
            desc=(ps2.get('description') or '').replace('\n',' ')[:90]
            key=prefix+p
            if key not in out:
                out[key]=f"{key} | {'req' if p in req else 'opt'} | {typ}{dflt}{internal} | {desc}"
            walk(ps2,key+'.',out,depth+1)
    if t=='array' or 'items' in s:
        walk(s.get('items',{}),prefix[:-1]+'[].',out,depth+1)
which=sys.argv[1]; kind=sys.argv[2]
op=d['paths'][which]['post']
out={}
if kind=='req':
    s=op['requestBody']['content']['application/json']['schema']
else:
    s=op['responses']['200']['content']['application/json']['schema']
walk(s,'',out)
print('\n'.join(out.values()))
