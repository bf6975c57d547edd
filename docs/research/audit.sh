#!/usr/bin/env bash
# Validator-rule audit against the REAL Autumn server (issue 13).
#
# Sends each catalog shape that a rule of catalog-dsl (Checks, model records, CatalogValidator) forbids to a real
# Autumn server with raw 2.x RPC calls, then reads it back, and prints request and answer for every case.
#
#   bash research/audit.sh              # all groups
#   bash research/audit.sh G3 G7        # only some groups
#
# Needs: the real server up (shared/autumn-server/start.sh; /tmp/autumn-server here), curl, jq.
# Every group runs in a fresh, empty org from new-org.sh. The secret key is never printed.
#
# Output per case:
#   ### <case> — <what it tests>
#   > POST /v1/<route> <request body>
#   < <status> <code>: <message>                          (a refusal)
#   < <status> ok                                         (accepted)
#   = <read-back>: what plans.get / features.get / plans.list return afterwards (ids, display texts,
#     timestamps removed; "pooled":false removed), or the read's error.
set -uo pipefail

BASE=${AUTUMN_URL:-http://127.0.0.1:8090}/v1
NEW_ORG=${NEW_ORG:-/tmp/autumn-server/new-org.sh}
VER=${AUTUMN_API_VERSION:-2.3.0}
KEY=""
STATUS=""
RESP=""

# Plan read-back without server-owned noise (ids, display texts, timestamps); config/billing_controls/metadata only
# when they differ from the defaults the server fills in.
JQ_PLAN='def clean: walk(if type=="object" then del(.display,.entitlement_id,.price_id,.created_at,.env,.base_variant_id)
    | (if .pooled==false then del(.pooled) else . end) else . end);
  ({id, v:.version, archived, auto_enable, add_on, group, description, price, items,
    free_trial:(if has("free_trial") then .free_trial else "absent" end)}
   + (if .config!={"ignore_past_due":false} then {config} else {} end)
   + (if .billing_controls!={} then {billing_controls} else {} end)
   + (if .metadata!={} then {metadata} else {} end)
   + (if .variant_details != null then {variant_details} else {} end)
   + (if .licenses != null then {licenses} else {} end)
   + (if .variants != null then {variants} else {} end)) | clean'
JQ_ERR='"\(.code // "-"): \(.message // .)"'

new_org() {
    KEY=$(bash "$NEW_ORG" 2>/dev/null) || { echo "new-org.sh failed: is the server up?" >&2; exit 2; }
    echo
    echo "## $1 (fresh org)"
}

# call ROUTE BODY [VERSION]: sets STATUS and RESP, prints nothing.
call() {
    local out
    out=$(curl -s -w '\n%{http_code}' -X POST "$BASE/$1" \
        -H "Authorization: Bearer $KEY" -H "X-API-Version: ${3:-$VER}" -H 'Content-Type: application/json' \
        -d "$2")
    STATUS=${out##*$'\n'}
    RESP=${out%$'\n'*}
}

# send ROUTE BODY [VERSION]: call and print request and the answer's gist.
send() {
    call "$@"
    echo "> POST /v1/$1 $(jq -c . <<<"$2" 2>/dev/null || echo "$2")${3:+  [X-API-Version: $3]}"
    if [ "$STATUS" = 200 ]; then
        echo "< 200 ok"
    else
        echo "< $STATUS $(jq -r "$JQ_ERR" <<<"$RESP" 2>/dev/null || echo "$RESP")"
    fi
}

# setup ROUTE BODY: a write the cases depend on; stops the run if the server refuses it.
setup() {
    call "$1" "$2"
    if [ "$STATUS" != 200 ]; then
        echo "SETUP FAILED: $1 $2 -> $STATUS $RESP" >&2
        exit 3
    fi
}

read_plan() {
    call plans.get "{\"plan_id\":\"$1\"}"
    if [ "$STATUS" = 200 ]; then
        echo "= plans.get $1: $(jq -c "$JQ_PLAN" <<<"$RESP")"
    else
        echo "= plans.get $1: $STATUS $(jq -r "$JQ_ERR" <<<"$RESP")"
    fi
}

read_feature() {
    call features.get "{\"feature_id\":\"$1\"}"
    if [ "$STATUS" = 200 ]; then
        echo "= features.get $1: $(jq -c . <<<"$RESP")"
    else
        echo "= features.get $1: $STATUS $(jq -r "$JQ_ERR" <<<"$RESP")"
    fi
}

# plan CASE WHAT BODY: plans.create, then plans.get of the plan id (also after a refusal: partial state).
plan() {
    echo "### $1 — $2"
    send plans.create "$3"
    read_plan "$(jq -r .plan_id <<<"$3")"
}

# update CASE WHAT BODY: plans.update, then plans.get.
update() {
    echo "### $1 — $2"
    send plans.update "$3"
    read_plan "$(jq -r .plan_id <<<"$3")"
}

# feature CASE WHAT ROUTE BODY: features.create/update, then features.get.
feature() {
    echo "### $1 — $2"
    send "$3" "$4"
    read_feature "$(jq -r 'if .new_feature_id then .new_feature_id else .feature_id end' <<<"$4")"
}

# The features most cases use: api, api2 (single-use), seats (continuous-use), sso (boolean), credits.
std_features() {
    setup features.create '{"feature_id":"api","name":"API calls","type":"metered","consumable":true}'
    setup features.create '{"feature_id":"api2","name":"Tokens","type":"metered","consumable":true}'
    setup features.create '{"feature_id":"seats","name":"Seats","type":"metered","consumable":false}'
    setup features.create '{"feature_id":"sso","name":"SSO","type":"boolean"}'
    setup features.create '{"feature_id":"credits","name":"Credits","type":"credit_system","credit_schema":[{"metered_feature_id":"api","credit_cost":1}]}'
}

want() { # want GROUP: whether the group was asked for
    [ ${#GROUPS_WANTED[@]} -eq 0 ] && return 0
    local g
    for g in "${GROUPS_WANTED[@]}"; do [ "$g" = "$1" ] && return 0; done
    return 1
}
GROUPS_WANTED=("$@")

echo "# Autumn validator audit — $BASE, X-API-Version $VER, $(date -u +%Y-%m-%dT%H:%M:%SZ)"

# --------------------------------------------------------------------------------------------------------------------
if want G1; then
new_org "G1 features: ids, names, credit schemas, event names, archive"
std_features
feature F-id-space "feature id with a space and '!' (DSL Checks.id)" features.create \
    '{"feature_id":"bad id!","name":"Bad","type":"boolean"}'
plan F-id-space-used "plan item on the feature 'bad id!'" \
    '{"plan_id":"uses_bad_id","name":"Uses","items":[{"feature_id":"bad id!"}]}'
plan P-id-space "plan id with a space (DSL Checks.id)" '{"plan_id":"bad plan","name":"Bad"}'
feature F-name-empty "feature name \"\" (DSL Checks.name)" features.create \
    '{"feature_id":"noname","name":"","type":"boolean"}'
feature F-name-blank "feature name \"  \" (DSL Checks.name)" features.create \
    '{"feature_id":"blankname","name":"  ","type":"boolean"}'
feature F-name-missing "feature without name" features.create '{"feature_id":"nameless","type":"boolean"}'
plan P-name-empty "plan name \"\" (DSL Checks.name)" '{"plan_id":"noname","name":""}'
plan P-name-blank "plan name \"  \" (DSL Checks.name)" '{"plan_id":"blankname","name":"  "}'
feature F-dup "feature id again (F-C3)" features.create '{"feature_id":"api","name":"Again","type":"boolean"}'
plan P-dup-setup "plan for the duplicate-id case" '{"plan_id":"dup","name":"Dup"}'
plan P-dup "plan id again (P-C2)" '{"plan_id":"dup","name":"Dup again"}'
feature F-metered-no-consumable "metered without consumable" features.create \
    '{"feature_id":"m_nc","name":"No consumable","type":"metered"}'
feature F-cs-empty "credit system with empty schema (F-C5, DSL CreditSystem)" features.create \
    '{"feature_id":"cs_empty","name":"CS","type":"credit_system","credit_schema":[]}'
feature F-cs-missing "credit system without schema (F-C5)" features.create \
    '{"feature_id":"cs_none","name":"CS","type":"credit_system"}'
feature F-cs-unknown "credit schema naming an unknown feature (F-C10)" features.create \
    '{"feature_id":"cs_unknown","name":"CS","type":"credit_system","credit_schema":[{"metered_feature_id":"ghost","credit_cost":1}]}'
feature F-cs-boolean "credit schema naming a boolean feature (F-C10)" features.create \
    '{"feature_id":"cs_bool","name":"CS","type":"credit_system","credit_schema":[{"metered_feature_id":"sso","credit_cost":1}]}'
feature F-cs-continuous "credit schema naming a continuous-use feature (F-C9)" features.create \
    '{"feature_id":"cs_cont","name":"CS","type":"credit_system","credit_schema":[{"metered_feature_id":"seats","credit_cost":1}]}'
feature F-cs-credit "credit schema naming a credit system (F-C8)" features.create \
    '{"feature_id":"cs_cs","name":"CS","type":"credit_system","credit_schema":[{"metered_feature_id":"credits","credit_cost":1}]}'
feature F-cs-twice "the same feature twice in a credit schema (F-C6)" features.create \
    '{"feature_id":"cs_twice","name":"CS","type":"credit_system","credit_schema":[{"metered_feature_id":"api","credit_cost":1},{"metered_feature_id":"api","credit_cost":2}]}'
feature F-cs-zero "credit cost 0 (DSL CreditCost > 0)" features.create \
    '{"feature_id":"cs_zero","name":"CS","type":"credit_system","credit_schema":[{"metered_feature_id":"api","credit_cost":0}]}'
feature F-cs-negative "credit cost -1 (DSL CreditCost > 0)" features.create \
    '{"feature_id":"cs_neg","name":"CS","type":"credit_system","credit_schema":[{"metered_feature_id":"api2","credit_cost":-1}]}'
feature F-cs-fraction "credit cost 0.0001 (exact decimals)" features.create \
    '{"feature_id":"cs_frac","name":"CS","type":"credit_system","credit_schema":[{"metered_feature_id":"api2","credit_cost":0.0001}]}'
feature F-events "event_names on create (DSL cannot say them)" features.create \
    '{"feature_id":"ev","name":"Events","type":"metered","consumable":true,"event_names":["api.request","api.batch"]}'
feature F-events-kept "update that omits event_names, as the engine's featureUpdateBody sends it" features.update \
    '{"feature_id":"ev","name":"Events renamed","type":"metered","consumable":true,"archived":false}'
feature F-events-cleared "update with event_names []" features.update '{"feature_id":"ev","event_names":[]}'
feature F-ai "AI credit system with markups (DSL cannot say it)" features.create \
    '{"feature_id":"ai","name":"AI credits","type":"ai_credit_system","default_markup":20}'
feature F-display "display on create (server-owned in production: the LLM job overwrites it)" features.create \
    '{"feature_id":"disp","name":"Disp","type":"boolean","display":{"singular":"thing","plural":"things"}}'
feature F-archive "archive a feature" features.update '{"feature_id":"disp","archived":true}'
feature F-archive-kept "update of an archived feature without 'archived'" features.update \
    '{"feature_id":"disp","name":"Disp renamed"}'
echo "### F-list — features.list: archived features are listed"
call features.list '{}'
echo "= features.list ids/archived: $(jq -c '[.list[]|{id,archived}]' <<<"$RESP")"
feature F-archive-engine "the engine's featureUpdateBody of that feature (archived:false always sent)" features.update \
    '{"feature_id":"disp","name":"Disp renamed","type":"boolean","archived":false}'
fi

# --------------------------------------------------------------------------------------------------------------------
if want G2; then
new_org "G2 item canonical forms (DESIGN.md 1-4)"
std_features
plan C1-included "boolean item with included 5 (form 1)" \
    '{"plan_id":"c1a","name":"C","items":[{"feature_id":"sso","included":5}]}'
plan C1-unlimited "boolean item unlimited (form 1)" \
    '{"plan_id":"c1b","name":"C","items":[{"feature_id":"sso","unlimited":true}]}'
plan C1-reset "boolean item with monthly reset (form 1)" \
    '{"plan_id":"c1c","name":"C","items":[{"feature_id":"sso","reset":{"interval":"month"}}]}'
plan C1-entity "boolean item per entity seats (form 1)" \
    '{"plan_id":"c1d","name":"C","items":[{"feature_id":"sso","entity_feature_id":"seats"}]}'
plan C1-priced "boolean item with a usage price (form 4: price on boolean)" \
    '{"plan_id":"c1e","name":"C","items":[{"feature_id":"sso","price":{"amount":5,"interval":"month","billing_method":"prepaid"}}]}'
plan C2-reset "continuous-use item with monthly reset (form 2)" \
    '{"plan_id":"c2a","name":"C","items":[{"feature_id":"seats","included":3,"reset":{"interval":"month"}}]}'
plan C2-priced-reset "continuous-use prepaid item with reset month (form 4: reset on continuous)" \
    '{"plan_id":"c2b","name":"C","items":[{"feature_id":"seats","reset":{"interval":"month"},"price":{"amount":10,"interval":"month","billing_method":"prepaid"}}]}'
plan C2-priced-reset-year "continuous-use prepaid item, reset year, billed month" \
    '{"plan_id":"c2c","name":"C","items":[{"feature_id":"seats","reset":{"interval":"year"},"price":{"amount":10,"interval":"month","billing_method":"prepaid"}}]}'
plan C2-unlimited "continuous-use item unlimited" \
    '{"plan_id":"c2d","name":"C","items":[{"feature_id":"seats","unlimited":true}]}'
plan C5-blank-text "description and group of blanks (form 5: blank = none)" \
    '{"plan_id":"c5a","name":"C","description":"  ","group":"  "}'
plan C5-empty-text "description and group \"\" (form 5)" \
    '{"plan_id":"c5b","name":"C","description":"","group":""}'
plan C3-unlimited-month "consumable unlimited with monthly reset (form 3: unlimited => no reset)" \
    '{"plan_id":"c3a","name":"C","items":[{"feature_id":"api","unlimited":true,"reset":{"interval":"month"}}]}'
plan C3-unlimited-none "consumable unlimited without reset" \
    '{"plan_id":"c3b","name":"C","items":[{"feature_id":"api","unlimited":true}]}'
plan C3-unlimited-oneoff "consumable unlimited with reset one_off" \
    '{"plan_id":"c3c","name":"C","items":[{"feature_id":"api","unlimited":true,"reset":{"interval":"one_off"}}]}'
plan C3-unlimited-included "unlimited with included 100 (DSL FeatureItem: unlimited xor included)" \
    '{"plan_id":"c3d","name":"C","items":[{"feature_id":"api","unlimited":true,"included":100,"reset":{"interval":"month"}}]}'
plan C3-zero-month "consumable included 0 with monthly reset (form 3: included > 0)" \
    '{"plan_id":"c3e","name":"C","items":[{"feature_id":"api","included":0,"reset":{"interval":"month"}}]}'
plan C3-absent-month "consumable, included absent, monthly reset" \
    '{"plan_id":"c3f","name":"C","items":[{"feature_id":"api","reset":{"interval":"month"}}]}'
plan C3-bare "consumable item with only feature_id (included absent, no reset)" \
    '{"plan_id":"c3g","name":"C","items":[{"feature_id":"api"}]}'
plan C3-zero-none "consumable included 0, no reset" \
    '{"plan_id":"c3h","name":"C","items":[{"feature_id":"api","included":0}]}'
plan C3-zero-oneoff "consumable included 0, reset one_off" \
    '{"plan_id":"c3i","name":"C","items":[{"feature_id":"api","included":0,"reset":{"interval":"one_off"}}]}'
plan C3-finite-none "consumable included 100, no reset (form 3: finite => reset)" \
    '{"plan_id":"c3j","name":"C","items":[{"feature_id":"api","included":100}]}'
plan C3-credit-zero "credit-system item included 0, monthly" \
    '{"plan_id":"c3k","name":"C","items":[{"feature_id":"credits","included":0,"reset":{"interval":"month"}}]}'
plan C3-reset-minute "consumable included 10, reset every minute" \
    '{"plan_id":"c3l","name":"C","items":[{"feature_id":"api","included":10,"reset":{"interval":"minute"}}]}'
plan C4-ubp-noreset "usage-based consumable item without reset (form 4: reset null = billing)" \
    '{"plan_id":"c4a","name":"C","items":[{"feature_id":"api","included":10,"price":{"amount":1,"interval":"month","billing_method":"usage_based"}}]}'
plan C4-prepaid-noreset "prepaid consumable item without reset" \
    '{"plan_id":"c4b","name":"C","items":[{"feature_id":"api","price":{"amount":1,"interval":"month","billing_method":"prepaid"}}]}'
plan C4-prepaid-oneoff-reset "prepaid consumable billed monthly, reset one_off" \
    '{"plan_id":"c4c","name":"C","items":[{"feature_id":"api","reset":{"interval":"one_off"},"price":{"amount":1,"interval":"month","billing_method":"prepaid"}}]}'
plan C4-prepaid-oneoff-both "prepaid consumable billed one_off, no reset" \
    '{"plan_id":"c4d","name":"C","items":[{"feature_id":"api","price":{"amount":1,"interval":"one_off","billing_method":"prepaid"}}]}'
plan C4-unlimited-priced "unlimited with a usage price (DSL: impossible by construction)" \
    '{"plan_id":"c4e","name":"C","items":[{"feature_id":"api2","unlimited":true,"price":{"amount":1,"interval":"month","billing_method":"prepaid"}}]}'
echo "### C4-unlimited-priced-list — plans.list after c4e"
call plans.list '{}'
echo "= plans.list: $STATUS $(if [ "$STATUS" = 200 ]; then jq -c '[.list[].id]' <<<"$RESP"; else jq -r "$JQ_ERR" <<<"$RESP"; fi)"
send plans.delete '{"plan_id":"c4e"}'
fi

# --------------------------------------------------------------------------------------------------------------------
if want G3; then
new_org "G3 duplicate items (P-I18/19/20; DSL ItemKey = feature, reset, entity)"
std_features
plan D1-two-grants "two unpriced grants, same feature and reset" \
    '{"plan_id":"d1","name":"D","items":[{"feature_id":"api","included":100,"reset":{"interval":"month"}},{"feature_id":"api","included":5,"reset":{"interval":"month"}}]}'
plan D2-grant-usage "free grant + usage-based price, same feature and reset" \
    '{"plan_id":"d2","name":"D","items":[{"feature_id":"api","included":100,"reset":{"interval":"month"}},{"feature_id":"api","price":{"amount":1,"interval":"month","billing_method":"usage_based"}}]}'
plan D3-grant-prepaid "free grant + prepaid pack, same feature and monthly reset (issue shape)" \
    '{"plan_id":"d3","name":"D","items":[{"feature_id":"api","included":100,"reset":{"interval":"month"}},{"feature_id":"api","price":{"amount":5,"interval":"month","billing_units":1000,"billing_method":"prepaid"}}]}'
plan D4-usage-prepaid "usage-based + prepaid, same feature and reset" \
    '{"plan_id":"d4","name":"D","items":[{"feature_id":"api","price":{"amount":1,"interval":"month","billing_method":"usage_based"}},{"feature_id":"api","price":{"amount":5,"interval":"month","billing_method":"prepaid"}}]}'
plan D5-two-usage "two usage-based items, same feature and reset" \
    '{"plan_id":"d5","name":"D","items":[{"feature_id":"api","price":{"amount":1,"interval":"month","billing_method":"usage_based"}},{"feature_id":"api","included":5,"price":{"amount":2,"interval":"month","billing_method":"usage_based"}}]}'
plan D6-two-prepaid "two prepaid items, same feature and reset" \
    '{"plan_id":"d6","name":"D","items":[{"feature_id":"api","price":{"amount":1,"interval":"month","billing_method":"prepaid"}},{"feature_id":"api","price":{"amount":2,"interval":"month","billing_units":100,"billing_method":"prepaid"}}]}'
plan D7-other-reset "two grants, monthly and yearly" \
    '{"plan_id":"d7","name":"D","items":[{"feature_id":"api","included":100,"reset":{"interval":"month"}},{"feature_id":"api","included":1000,"reset":{"interval":"year"}}]}'
plan D8-other-count "two grants, every month and every 3 months" \
    '{"plan_id":"d8","name":"D","items":[{"feature_id":"api","included":100,"reset":{"interval":"month"}},{"feature_id":"api","included":300,"reset":{"interval":"month","interval_count":3}}]}'
plan D9-other-entity "two grants, same reset, one per seat" \
    '{"plan_id":"d9","name":"D","items":[{"feature_id":"api","included":100,"reset":{"interval":"month"}},{"feature_id":"api","included":10,"reset":{"interval":"month"},"entity_feature_id":"seats"}]}'
plan D10-none-vs-oneoff "grant without reset + grant with reset one_off" \
    '{"plan_id":"d10","name":"D","items":[{"feature_id":"api","included":100},{"feature_id":"api","included":5,"reset":{"interval":"one_off"}}]}'
plan D11-two-boolean "two boolean items of one feature (P-I18)" \
    '{"plan_id":"d11","name":"D","items":[{"feature_id":"sso"},{"feature_id":"sso"}]}'
plan D12-usage-grant-grant "order quirk: usage-based, then two free grants, same reset" \
    '{"plan_id":"d12","name":"D","items":[{"feature_id":"api","price":{"amount":1,"interval":"month","billing_method":"usage_based"}},{"feature_id":"api","included":100,"reset":{"interval":"month"}},{"feature_id":"api","included":5,"reset":{"interval":"month"}}]}'
plan D13-grant-usage-usage "order quirk: free grant, then two usage-based, same reset" \
    '{"plan_id":"d13","name":"D","items":[{"feature_id":"api","included":100,"reset":{"interval":"month"}},{"feature_id":"api","price":{"amount":1,"interval":"month","billing_method":"usage_based"}},{"feature_id":"api","price":{"amount":2,"interval":"month","billing_method":"usage_based"}}]}'
plan D14-unlimited-grant "unlimited + finite grant, same reset" \
    '{"plan_id":"d14","name":"D","items":[{"feature_id":"api","unlimited":true,"reset":{"interval":"month"}},{"feature_id":"api","included":5,"reset":{"interval":"month"}}]}'
plan D15-seats-free-prepaid "continuous: free seats + prepaid seats" \
    '{"plan_id":"d15","name":"D","items":[{"feature_id":"seats","included":3},{"feature_id":"seats","price":{"amount":10,"interval":"month","billing_method":"prepaid"}}]}'
plan D16-seats-two-free "continuous: two free seat grants" \
    '{"plan_id":"d16","name":"D","items":[{"feature_id":"seats","included":3},{"feature_id":"seats","included":2}]}'
plan D17-prepaid-reset-differs "grant monthly + prepaid billed yearly that resets monthly" \
    '{"plan_id":"d17","name":"D","items":[{"feature_id":"api","included":100,"reset":{"interval":"month"}},{"feature_id":"api","reset":{"interval":"month"},"price":{"amount":50,"interval":"year","billing_method":"prepaid"}}]}'
update D19-resend-d12 "plans.update of d12 with its items in the order the server returns them" \
    '{"plan_id":"d12","items":[{"feature_id":"api","price":{"amount":1,"interval":"month","billing_method":"usage_based"}},{"feature_id":"api","included":100,"reset":{"interval":"month"}},{"feature_id":"api","included":5,"reset":{"interval":"month"}}],"archived":false}'
update D20-resend-d13 "plans.update of d13 with its items in the order the server returns them" \
    '{"plan_id":"d13","items":[{"feature_id":"api","reset":{"interval":"month"},"price":{"amount":1,"interval":"month","billing_method":"usage_based"}},{"feature_id":"api","reset":{"interval":"month"},"price":{"amount":2,"interval":"month","billing_method":"usage_based"}},{"feature_id":"api","included":100,"reset":{"interval":"month"}}],"archived":false}'
plan D21-prepaid-same-bill-other-reset "two prepaid items billed monthly, one resets weekly, one monthly" \
    '{"plan_id":"d21","name":"D","items":[{"feature_id":"api","reset":{"interval":"week"},"price":{"amount":1,"interval":"month","billing_method":"prepaid"}},{"feature_id":"api","reset":{"interval":"month"},"price":{"amount":2,"interval":"month","billing_method":"prepaid"}}]}'
plan D22-prepaid-other-bill-same-reset "two prepaid items, billed monthly and yearly, both reset monthly" \
    '{"plan_id":"d22","name":"D","items":[{"feature_id":"api","reset":{"interval":"month"},"price":{"amount":1,"interval":"month","billing_method":"prepaid"}},{"feature_id":"api","reset":{"interval":"month"},"price":{"amount":10,"interval":"year","billing_method":"prepaid"}}]}'
plan D23-boolean-free-priced "boolean: unpriced item + priced item of the same feature" \
    '{"plan_id":"d23","name":"D","items":[{"feature_id":"sso"},{"feature_id":"sso","price":{"amount":5,"interval":"month","billing_method":"prepaid"}}]}'
plan D24-boolean-entity "boolean: one item for the customer, one per seat" \
    '{"plan_id":"d24","name":"D","items":[{"feature_id":"sso"},{"feature_id":"sso","entity_feature_id":"seats"}]}'
update D18-update-dup "plans.update of d2 to two grants of the same reset (is d2 kept?)" \
    '{"plan_id":"d2","items":[{"feature_id":"api","included":100,"reset":{"interval":"month"}},{"feature_id":"api","included":5,"reset":{"interval":"month"}}],"archived":false}'
fi

# --------------------------------------------------------------------------------------------------------------------
if want G4; then
new_org "G4 prices, tiers, billing units, max purchase, intervals"
std_features
plan P1-base-zero "base price 0 (DSL PriceItem > 0)" '{"plan_id":"p1","name":"P","price":{"amount":0,"interval":"month"}}'
plan P2-base-negative "base price -5 (DSL PriceItem > 0)" '{"plan_id":"p2","name":"P","price":{"amount":-5,"interval":"month"}}'
plan P3-base-3dp "base price 9.999 (P-I5, DSL at most 2 decimals)" '{"plan_id":"p3","name":"P","price":{"amount":9.999,"interval":"month"}}'
plan P3b-base-3dp-oneoff "one-off base price 9.999 (P-I5)" '{"plan_id":"p3b","name":"P","price":{"amount":9.999,"interval":"one_off"}}'
plan P4-base-day "base price billed daily (P-I8)" '{"plan_id":"p4","name":"P","price":{"amount":5,"interval":"day"}}'
plan P4b-item-day "usage price billed daily (P-I8)" \
    '{"plan_id":"p4b","name":"P","items":[{"feature_id":"api","reset":{"interval":"day"},"price":{"amount":1,"interval":"day","billing_method":"usage_based"}}]}'
plan P5-count-zero "base price interval_count 0 (DSL Cycle count >= 1)" '{"plan_id":"p5","name":"P","price":{"amount":5,"interval":"month","interval_count":0}}'
plan P5b-count-negative "reset interval_count -1 (DSL Cycle count >= 1)" \
    '{"plan_id":"p5b","name":"P","items":[{"feature_id":"api","included":5,"reset":{"interval":"month","interval_count":-1}}]}'
plan P5c-oneoff-count "reset one_off with interval_count 2 (DSL Cycle: one-off has no count)" \
    '{"plan_id":"p5c","name":"P","items":[{"feature_id":"api","included":5,"reset":{"interval":"one_off","interval_count":2}}]}'
plan P5d-count-fraction "reset interval_count 1.5" \
    '{"plan_id":"p5d","name":"P","items":[{"feature_id":"api","included":5,"reset":{"interval":"month","interval_count":1.5}}]}'
plan P6-usage-zero "usage price amount 0 (DSL PerUnitPrice > 0)" \
    '{"plan_id":"p6","name":"P","items":[{"feature_id":"api","included":10,"price":{"amount":0,"interval":"month","billing_method":"usage_based"}}]}'
plan P7-usage-negative "usage price amount -1 (DSL PerUnitPrice > 0)" \
    '{"plan_id":"p7","name":"P","items":[{"feature_id":"api","price":{"amount":-1,"interval":"month","billing_method":"usage_based"}}]}'
plan P8-usage-6dp "usage price 0.000001 (exact decimals)" \
    '{"plan_id":"p8","name":"P","items":[{"feature_id":"api","price":{"amount":0.000001,"interval":"month","billing_method":"usage_based"}}]}'
plan P9-units-zero "billing_units 0, per-unit price (P-I11, DSL >= 1)" \
    '{"plan_id":"p9","name":"P","items":[{"feature_id":"api","price":{"amount":1,"interval":"month","billing_units":0,"billing_method":"usage_based"}}]}'
plan P9b-units-zero-tiers "billing_units 0, tiered price (P-I11)" \
    '{"plan_id":"p9b","name":"P","items":[{"feature_id":"api","price":{"tiers":[{"to":100,"amount":1},{"to":"inf","amount":0.5}],"interval":"month","billing_units":0,"billing_method":"usage_based"}}]}'
plan P9c-units-negative "billing_units -10, per-unit price" \
    '{"plan_id":"p9c","name":"P","items":[{"feature_id":"api","price":{"amount":1,"interval":"month","billing_units":-10,"billing_method":"usage_based"}}]}'
plan P9d-units-fraction "billing_units 2.5" \
    '{"plan_id":"p9d","name":"P","items":[{"feature_id":"api","price":{"amount":1,"interval":"month","billing_units":2.5,"billing_method":"usage_based"}}]}'
plan P10-maxp-zero "max_purchase 0 (DSL >= 1)" \
    '{"plan_id":"p10","name":"P","items":[{"feature_id":"api","price":{"amount":1,"interval":"month","billing_method":"prepaid","max_purchase":0}}]}'
plan P10b-maxp-negative "max_purchase -5 (DSL >= 1)" \
    '{"plan_id":"p10b","name":"P","items":[{"feature_id":"api","price":{"amount":1,"interval":"month","billing_method":"prepaid","max_purchase":-5}}]}'
plan P11-week-month "weekly base price + monthly usage price (P-I22)" \
    '{"plan_id":"p11","name":"P","price":{"amount":5,"interval":"week"},"items":[{"feature_id":"api","price":{"amount":1,"interval":"month","billing_method":"usage_based"}}]}'
plan P11b-week-quarter "weekly base price + quarterly prepaid (P-I22 only names month)" \
    '{"plan_id":"p11b","name":"P","price":{"amount":5,"interval":"week"},"items":[{"feature_id":"api","price":{"amount":1,"interval":"quarter","billing_method":"prepaid"}}]}'
plan P12-usage-oneoff "usage-based price billed one_off (P-I23)" \
    '{"plan_id":"p12","name":"P","items":[{"feature_id":"api","price":{"amount":1,"interval":"one_off","billing_method":"usage_based"}}]}'
plan P13-usage-reset-differs "usage-based, reset week, billed month (§3.4)" \
    '{"plan_id":"p13","name":"P","items":[{"feature_id":"api","reset":{"interval":"week"},"price":{"amount":1,"interval":"month","billing_method":"usage_based"}}]}'
plan P13b-prepaid-reset-differs "prepaid, reset week, billed month (allowed)" \
    '{"plan_id":"p13b","name":"P","items":[{"feature_id":"api","reset":{"interval":"week"},"price":{"amount":1,"interval":"month","billing_method":"prepaid"}}]}'
plan P14-volume-usage "volume tiers on a usage-based item (P-I12)" \
    '{"plan_id":"p14","name":"P","items":[{"feature_id":"api","price":{"tiers":[{"to":100,"amount":1},{"to":"inf","amount":0.5}],"tier_behavior":"volume","interval":"month","billing_method":"usage_based"}}]}'
plan P14b-volume-prepaid "volume tiers on a prepaid item" \
    '{"plan_id":"p14b","name":"P","items":[{"feature_id":"api","price":{"tiers":[{"to":100,"amount":1,"flat_amount":10},{"to":"inf","amount":0.5,"flat_amount":20}],"tier_behavior":"volume","interval":"month","billing_method":"prepaid"}}]}'
plan P15-proration-usage "proration on a usage-based item (§3.4)" \
    '{"plan_id":"p15","name":"P","items":[{"feature_id":"seats","price":{"amount":10,"interval":"month","billing_method":"usage_based"},"proration":{"on_increase":"prorate_immediately","on_decrease":"prorate"}}]}'
plan P15b-bill-immediately "prepaid + on_increase bill_immediately (P-I16)" \
    '{"plan_id":"p15b","name":"P","items":[{"feature_id":"seats","price":{"amount":10,"interval":"month","billing_method":"prepaid"},"proration":{"on_increase":"bill_immediately","on_decrease":"prorate"}}]}'
plan P15c-proration-prepaid "prepaid + prorate_next_cycle/none (accepted; is it returned?)" \
    '{"plan_id":"p15c","name":"P","items":[{"feature_id":"seats","price":{"amount":10,"interval":"month","billing_method":"prepaid"},"proration":{"on_increase":"prorate_next_cycle","on_decrease":"none"}}]}'
plan P16-rollover-cont-usage "rollover on a continuous-use usage-based item (§3.4)" \
    '{"plan_id":"p16","name":"P","items":[{"feature_id":"seats","price":{"amount":10,"interval":"month","billing_method":"usage_based"},"rollover":{"max":5,"expiry_duration_type":"month","expiry_duration_length":1}}]}'
plan P16b-rollover-free "rollover on an unpriced monthly grant (DSL: rollover only on priced items)" \
    '{"plan_id":"p16b","name":"P","items":[{"feature_id":"api","included":100,"reset":{"interval":"month"},"rollover":{"max":50,"expiry_duration_type":"month","expiry_duration_length":2}}]}'
plan P17-rollover-both "rollover with max and max_percentage (P-I17)" \
    '{"plan_id":"p17","name":"P","items":[{"feature_id":"api","included":10,"price":{"amount":1,"interval":"month","billing_method":"prepaid"},"rollover":{"max":5,"max_percentage":50,"expiry_duration_type":"forever"}}]}'
plan P17b-rollover-pct "rollover max_percentage 150 (P-I17)" \
    '{"plan_id":"p17b","name":"P","items":[{"feature_id":"api","included":10,"price":{"amount":1,"interval":"month","billing_method":"prepaid"},"rollover":{"max_percentage":150,"expiry_duration_type":"forever"}}]}'
plan P17c-rollover-max0 "rollover max 0 (P-I17)" \
    '{"plan_id":"p17c","name":"P","items":[{"feature_id":"api","included":10,"price":{"amount":1,"interval":"month","billing_method":"prepaid"},"rollover":{"max":0,"expiry_duration_type":"forever"}}]}'
plan P17d-rollover-len-neg "rollover month length -1 (P-I17)" \
    '{"plan_id":"p17d","name":"P","items":[{"feature_id":"api","included":10,"price":{"amount":1,"interval":"month","billing_method":"prepaid"},"rollover":{"max":5,"expiry_duration_type":"month","expiry_duration_length":-1}}]}'
plan P17e-rollover-len-0 "rollover month length 0 (DSL: months >= 1 or forever)" \
    '{"plan_id":"p17e","name":"P","items":[{"feature_id":"api","included":10,"price":{"amount":1,"interval":"month","billing_method":"prepaid"},"rollover":{"max":5,"expiry_duration_type":"month","expiry_duration_length":0}}]}'
plan P17f-rollover-forever-len "rollover forever with length 3" \
    '{"plan_id":"p17f","name":"P","items":[{"feature_id":"api","included":10,"price":{"amount":1,"interval":"month","billing_method":"prepaid"},"rollover":{"max":5,"expiry_duration_type":"forever","expiry_duration_length":3}}]}'
plan P17g-rollover-nocap "rollover without max or max_percentage" \
    '{"plan_id":"p17g","name":"P","items":[{"feature_id":"api","included":10,"price":{"amount":1,"interval":"month","billing_method":"prepaid"},"rollover":{"expiry_duration_type":"month","expiry_duration_length":1}}]}'
plan T1-descending "tiers not ascending (DSL: ascending)" \
    '{"plan_id":"t1","name":"T","items":[{"feature_id":"api","price":{"tiers":[{"to":1000,"amount":1},{"to":100,"amount":0.5},{"to":"inf","amount":0.1}],"interval":"month","billing_method":"usage_based"}}]}'
plan T2-last-finite "last tier finite (DSL: last unbounded)" \
    '{"plan_id":"t2","name":"T","items":[{"feature_id":"api","price":{"tiers":[{"to":100,"amount":1},{"to":1000,"amount":0.5}],"interval":"month","billing_method":"usage_based"}}]}'
plan T3-inf-middle "'inf' tier not last (DSL: only the last unbounded)" \
    '{"plan_id":"t3","name":"T","items":[{"feature_id":"api","price":{"tiers":[{"to":"inf","amount":1},{"to":100,"amount":0.5}],"interval":"month","billing_method":"usage_based"}}]}'
plan T4-first-le-included "tiers[0].to <= included (§3.4)" \
    '{"plan_id":"t4","name":"T","items":[{"feature_id":"api","included":100,"price":{"tiers":[{"to":100,"amount":1},{"to":"inf","amount":0.5}],"interval":"month","billing_method":"usage_based"}}]}'
plan T4b-first-zero "tiers[0].to 0 with included 0 (DSL Tier upTo >= 1)" \
    '{"plan_id":"t4b","name":"T","items":[{"feature_id":"api","price":{"tiers":[{"to":0,"amount":1},{"to":"inf","amount":0.5}],"interval":"month","billing_method":"usage_based"}}]}'
plan T5-negative-amount "negative tier amount (DSL tier amount >= 0)" \
    '{"plan_id":"t5","name":"T","items":[{"feature_id":"api","price":{"tiers":[{"to":100,"amount":-1},{"to":"inf","amount":0.5}],"interval":"month","billing_method":"usage_based"}}]}'
plan T6-single "a single tier (§3.3: stored as a per-unit amount?)" \
    '{"plan_id":"t6","name":"T","items":[{"feature_id":"api","price":{"tiers":[{"to":"inf","amount":0.5}],"interval":"month","billing_method":"usage_based"}}]}'
plan T6b-single-volume "a single volume tier on prepaid" \
    '{"plan_id":"t6b","name":"T","items":[{"feature_id":"api","price":{"tiers":[{"to":"inf","amount":0.5}],"tier_behavior":"volume","interval":"month","billing_method":"prepaid"}}]}'
plan T6c-single-finite "a single finite tier [{to:100}]" \
    '{"plan_id":"t6c","name":"T","items":[{"feature_id":"api","price":{"tiers":[{"to":100,"amount":0.5}],"interval":"month","billing_method":"usage_based"}}]}'
plan T7-flat-graduated "flat_amount on graduated tiers (P-I13)" \
    '{"plan_id":"t7","name":"T","items":[{"feature_id":"api","price":{"tiers":[{"to":100,"amount":1,"flat_amount":10},{"to":"inf","amount":0.5}],"interval":"month","billing_method":"prepaid"}}]}'
plan T7b-flat-single "flat_amount on a single volume tier (P-I13)" \
    '{"plan_id":"t7b","name":"T","items":[{"feature_id":"api","price":{"tiers":[{"to":"inf","amount":1,"flat_amount":10}],"tier_behavior":"volume","interval":"month","billing_method":"prepaid"}}]}'
plan T7c-flat-negative "negative flat_amount (P-I13)" \
    '{"plan_id":"t7c","name":"T","items":[{"feature_id":"api","price":{"tiers":[{"to":100,"amount":1,"flat_amount":-10},{"to":"inf","amount":0.5}],"tier_behavior":"volume","interval":"month","billing_method":"prepaid"}}]}'
plan T7d-flat-zero "flat_amount 0 on graduated tiers (DSL turns 0 into none)" \
    '{"plan_id":"t7d","name":"T","items":[{"feature_id":"api","price":{"tiers":[{"to":100,"amount":1,"flat_amount":0},{"to":"inf","amount":0.5}],"interval":"month","billing_method":"usage_based"}}]}'
plan T8-empty "tiers [] (DSL TieredPrice: at least one)" \
    '{"plan_id":"t8","name":"T","items":[{"feature_id":"api","price":{"tiers":[],"interval":"month","billing_method":"usage_based"}}]}'
plan T9-fraction-to "tier to 100.5" \
    '{"plan_id":"t9","name":"T","items":[{"feature_id":"api","price":{"tiers":[{"to":100.5,"amount":1},{"to":"inf","amount":0.5}],"interval":"month","billing_method":"usage_based"}}]}'
plan I1-included-negative "included -10 (P-I7, DSL included >= 0)" \
    '{"plan_id":"i1","name":"I","items":[{"feature_id":"api","included":-10,"reset":{"interval":"month"}}]}'
plan I2-included-fraction "included 2.5" \
    '{"plan_id":"i2","name":"I","items":[{"feature_id":"api","included":2.5,"reset":{"interval":"month"}}]}'
fi

# --------------------------------------------------------------------------------------------------------------------
if want G5; then
new_org "G5 free trials and defaults (P-T1, P-T2, P-D1..3)"
std_features
plan TR1-length-0 "trial length 0 (P-T1)" \
    '{"plan_id":"tr1","name":"T","price":{"amount":10,"interval":"month"},"free_trial":{"duration_length":0,"duration_type":"day"}}'
plan TR2-oneoff-only "trial on a plan whose only price is one-off (P-T2)" \
    '{"plan_id":"tr2","name":"T","price":{"amount":10,"interval":"one_off"},"free_trial":{"duration_length":7,"duration_type":"day"}}'
plan TR2b-oneoff-prepaid "trial on a plan whose only price is a one-off prepaid pack (P-T2)" \
    '{"plan_id":"tr2b","name":"T","items":[{"feature_id":"api","price":{"amount":5,"interval":"one_off","billing_method":"prepaid"}}],"free_trial":{"duration_length":7,"duration_type":"day"}}'
plan TR3-free-card "trial (card required) on a plan without any price" \
    '{"plan_id":"tr3","name":"T","items":[{"feature_id":"api","included":5,"reset":{"interval":"month"}}],"free_trial":{"duration_length":7,"duration_type":"day","card_required":true}}'
plan TR3b-free-nocard "trial without card on a plan without any price" \
    '{"plan_id":"tr3b","name":"T","free_trial":{"duration_length":7,"duration_type":"day","card_required":false}}'
plan TR4-week "trial duration_type week" \
    '{"plan_id":"tr4","name":"T","price":{"amount":10,"interval":"month"},"free_trial":{"duration_length":1,"duration_type":"week"}}'
plan TR5-on-end "trial on_end revert (DSL cannot say on_end)" \
    '{"plan_id":"tr5","name":"T","price":{"amount":10,"interval":"month"},"free_trial":{"duration_length":7,"duration_type":"day","on_end":"revert"}}'
update TR5b-update-drops-on-end "plans.update of tr5 with the trial as the engine sends it (no on_end)" \
    '{"plan_id":"tr5","free_trial":{"duration_length":7,"duration_type":"day","card_required":true},"archived":false}'
plan TR6-no-type "trial without duration_type (default?)" \
    '{"plan_id":"tr6","name":"T","price":{"amount":10,"interval":"month"},"free_trial":{"duration_length":2}}'
plan DF1-priced "auto_enable with a base price (P-D1)" \
    '{"plan_id":"df1","name":"D","auto_enable":true,"price":{"amount":10,"interval":"month"}}'
plan DF1b-usage-priced "auto_enable with only a usage-based item price (P-D1)" \
    '{"plan_id":"df1b","name":"D","auto_enable":true,"items":[{"feature_id":"api","price":{"amount":1,"interval":"month","billing_method":"usage_based"}}]}'
plan DF1c-card-less-trial "auto_enable, base price, trial without card (P-D1 exception)" \
    '{"plan_id":"df1c","name":"D","auto_enable":true,"price":{"amount":10,"interval":"month"},"free_trial":{"duration_length":14,"duration_type":"day","card_required":false}}'
plan DF1d-zero-price "auto_enable with a base price of 0" \
    '{"plan_id":"df1d","name":"D","auto_enable":true,"group":"g0","price":{"amount":0,"interval":"month"}}'
plan DF2-free-a "first free auto_enable plan, no group" '{"plan_id":"df2a","name":"D","auto_enable":true}'
plan DF2-free-b "second free auto_enable plan, no group (P-D2)" '{"plan_id":"df2b","name":"D","auto_enable":true}'
plan DF2-free-other-group "free auto_enable plan in group 'g2'" '{"plan_id":"df2c","name":"D","auto_enable":true,"group":"g2"}'
plan DF3-trial-b "second card-less default trial, no group (P-D3)" \
    '{"plan_id":"df3b","name":"D","auto_enable":true,"price":{"amount":20,"interval":"month"},"free_trial":{"duration_length":7,"duration_type":"day","card_required":false}}'
plan DF4-addon-default "auto_enable add-on in group 'g3'" '{"plan_id":"df4","name":"D","auto_enable":true,"add_on":true,"group":"g3"}'
fi

# --------------------------------------------------------------------------------------------------------------------
if want G6; then
new_org "G6 references and archived features (P-I1, P-I24, entity feature)"
std_features
plan R1-unknown-feature "item on an unknown feature (P-I1/P-I24)" \
    '{"plan_id":"r1","name":"R","items":[{"feature_id":"ghost","included":5,"reset":{"interval":"month"}}]}'
plan R1b-unknown-boolean-looking "boolean-looking item on an unknown feature (1.2 auto-created a feature)" \
    '{"plan_id":"r1b","name":"R","items":[{"feature_id":"ghost2"}]}'
echo "= features.list ids: $(call features.list '{}'; jq -c '[.list[].id]' <<<"$RESP")"
plan R2-unknown-entity "entity_feature_id unknown" \
    '{"plan_id":"r2","name":"R","items":[{"feature_id":"api","included":5,"reset":{"interval":"month"},"entity_feature_id":"ghost"}]}'
plan R3-entity-consumable "entity feature is single-use (DSL: continuous-use only)" \
    '{"plan_id":"r3","name":"R","items":[{"feature_id":"api","included":5,"reset":{"interval":"month"},"entity_feature_id":"api2"}]}'
plan R4-entity-boolean "entity feature is boolean (DSL: continuous-use only)" \
    '{"plan_id":"r4","name":"R","items":[{"feature_id":"api","included":5,"reset":{"interval":"month"},"entity_feature_id":"sso"}]}'
plan R4b-entity-self "entity feature is the item's own continuous feature" \
    '{"plan_id":"r4b","name":"R","items":[{"feature_id":"seats","included":1,"entity_feature_id":"seats"}]}'
setup features.update '{"feature_id":"api2","archived":true}'
plan R5-archived-feature "item on an archived feature" \
    '{"plan_id":"r5","name":"R","items":[{"feature_id":"api2","included":5,"reset":{"interval":"month"}}]}'
plan R6-archived-plan "a plan to archive" '{"plan_id":"r6","name":"R"}'
update R6b-archive "archive it" '{"plan_id":"r6","archived":true}'
update R6c-update-unarchives "plans.update name only, no 'archived' (un-archives?)" '{"plan_id":"r6","name":"R renamed"}'
plan R7-pooled "pooled item" \
    '{"plan_id":"r7","name":"R","items":[{"feature_id":"api","included":5,"reset":{"interval":"month"},"pooled":true,"entity_feature_id":"seats"}]}'
update R7b-update-drops-pooled "plans.update of r7 with the item as the engine sends it (no pooled)" \
    '{"plan_id":"r7","items":[{"feature_id":"api","included":5,"reset":{"interval":"month"},"entity_feature_id":"seats"}],"archived":false}'
plan R8-extras "metadata, config.ignore_past_due, billing_controls" \
    '{"plan_id":"r8","name":"R","metadata":{"tier":"gold"},"config":{"ignore_past_due":true},"billing_controls":{"usage_limits":[{"feature_id":"api","limit":100,"interval":"month"}]}}'
update R8b-update-keeps-extras "plans.update of r8 as the engine sends it (no metadata/config/billing_controls)" \
    '{"plan_id":"r8","name":"R","description":"","group":"","add_on":false,"auto_enable":false,"price":null,"items":[],"free_trial":null,"archived":false}'
plan R9-license-target "a plan to offer as a license" '{"plan_id":"seat_plan","name":"Seat plan"}'
plan R9b-licenses "plan with licenses (DSL cannot say them)" \
    '{"plan_id":"team","name":"Team","licenses":[{"license_plan_id":"seat_plan","included":2}]}'
update R9c-update-keeps-licenses "plans.update of team as the engine sends it (no licenses)" \
    '{"plan_id":"team","name":"Team","description":"","group":"","add_on":false,"auto_enable":false,"price":null,"items":[],"free_trial":null,"archived":false}'
update R10-variant "plans.update with variants: creates a variant plan" \
    '{"plan_id":"team","variants":[{"variant_plan_id":"team_eu","name":"Team EU","customize":{"price":{"amount":9,"interval":"month"}}}],"archived":false}'
plan R11-currencies "base price with additional_currencies (multi-currency org flag off)" \
    '{"plan_id":"r11","name":"R","price":{"amount":10,"interval":"month","additional_currencies":[{"currency":"eur","amount":9}]}}'
echo "### R10b-variant-listed — plans.list after R10"
call plans.list '{}'
echo "= plans.list: $(jq -c '[.list[] | {id, variant_details, licenses}]' <<<"$RESP")"
fi

# --------------------------------------------------------------------------------------------------------------------
if want G7; then
new_org "G7 run-time meaning of the equivalent spellings (balances.check on an auto_enable plan)"
setup features.create '{"feature_id":"u_month","name":"Unlimited monthly","type":"metered","consumable":true}'
setup features.create '{"feature_id":"u_once","name":"Unlimited one-off","type":"metered","consumable":true}'
setup features.create '{"feature_id":"z_month","name":"Zero monthly","type":"metered","consumable":true}'
setup features.create '{"feature_id":"z_once","name":"Zero one-off","type":"metered","consumable":true}'
setup features.create '{"feature_id":"n_none","name":"Not in plan","type":"metered","consumable":true}'
plan RT-plan "free auto_enable plan: unlimited monthly / unlimited one-off / 0 monthly / 0 one-off" \
    '{"plan_id":"rt","name":"RT","auto_enable":true,"items":[{"feature_id":"u_month","unlimited":true,"reset":{"interval":"month"}},{"feature_id":"u_once","unlimited":true},{"feature_id":"z_month","included":0,"reset":{"interval":"month"}},{"feature_id":"z_once"}]}'
send customers.get_or_create '{"customer_id":"c1","name":"C1"}'
for f in u_month u_once z_month z_once n_none; do
    echo "### RT-check-$f — balances.check c1 $f (required 1)"
    call balances.check "{\"customer_id\":\"c1\",\"feature_id\":\"$f\",\"required_balance\":1}"
    echo "= $STATUS $(jq -c '{allowed, balance: (.balance | if . == null then null else {granted, remaining, usage, unlimited, next_reset_at: (.next_reset_at != null), breakdown: [.breakdown[]? | {included_grant, unlimited, reset: (.reset | if . == null then null else {interval} end)}]} end)}' <<<"$RESP")"
done
fi

# --------------------------------------------------------------------------------------------------------------------
if want G8; then
new_org "G8 API versions the server knows"
for v in 2.3.0 2.4.0 2.3.1 2.5.0 2026-08-06 3.0.0; do
    echo "### V-$v — features.list with X-API-Version $v"
    send features.list '{}' "$v"
done
fi
