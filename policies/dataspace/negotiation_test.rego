package dataspace.negotiation_test

import data.dataspace.fixtures as f
import data.dataspace.negotiation

with_input(patch) := object.union(f.negotiate, patch)

denied_with(inp, prefix) if {
	d := negotiation.decision with input as inp
	d.allow == false
	some r in d.reasons
	startswith(r, prefix)
}

test_r1_baseline_negotiation_allowed if {
	d := negotiation.decision with input as f.negotiate
	d.allow == true
	"encrypt" in {o.type | some o in d.obligations}
}

test_r1_empty_input_denied if {
	d := negotiation.decision with input as {}
	d.allow == false
}

test_r1_no_terms_denied if {
	denied_with(object.union(f.negotiate, {"context": {"terms": null}}), "R")
}

test_r2_derived_core_asset_copy_denied if {
	denied_with(
		with_input({
			"subject": {"securityProfile": 4},
			"resource": {"label": object.union(f.label, {"category": "general", "derivedFrom": [{"asset": "recipe-db", "category": "core"}]})},
		}),
		"R3 core",
	)
}

test_r3_core_computation_contract_allowed if {
	d := negotiation.decision with input as with_input({
		"subject": {"securityProfile": 4},
		"resource": {"label": object.union(f.label, {"category": "core"})},
		"context": {"delivery": "compute"},
	})
	d.allow == true
}

test_r4_foreign_recipient_of_important_data_denied if {
	denied_with(with_input({"subject": {"country": "DE"}, "context": {"destination": "DE"}}), "R4 export")
}

test_r4_low_security_profile_denied if {
	denied_with(with_input({"subject": {"securityProfile": 1}}), "R4 important data")
}

test_r6_foreign_enforcement_without_approval_denied if {
	denied_with(with_input({"subject": {"kind": "foreign-judicial"}}), "R6 foreign authority")
}

test_r7_purpose_not_offered_denied if {
	denied_with(with_input({"context": {"terms": {"purposes": ["quality-analysis", "resale"]}}}), "R7 purpose: purpose resale")
}

test_r7_declared_purpose_not_offered_denied if {
	denied_with(with_input({"context": {"purpose": "resale"}}), "R7 purpose")
}

test_r8_terms_beyond_offer_validity_denied if {
	denied_with(with_input({"context": {"terms": {"validUntil": "2027-06-01T00:00:01Z"}}}), "R8 time")
}

test_r8_terms_ending_exactly_at_offer_expiry_allowed if {
	d := negotiation.decision with input as with_input({"context": {"terms": {"validUntil": "2027-06-01T00:00:00Z"}}})
	d.allow == true
}

test_r8_offer_expired_denied if {
	denied_with(with_input({"context": {"time": "2027-06-01T00:00:00Z"}}), "R8 time")
}

test_r9_trade_secret_without_max_uses_denied if {
	denied_with(
		json.remove(
			with_input({"resource": {"label": object.union(f.label, {"tradeSecret": true})}}),
			["context/terms/maxUses"],
		),
		"R9 count",
	)
}

test_r9_max_uses_exactly_offer_limit_allowed if {
	d := negotiation.decision with input as with_input({"context": {"terms": {"maxUses": 10}}})
	d.allow == true
}

test_r9_max_uses_above_offer_limit_denied if {
	denied_with(with_input({"context": {"terms": {"maxUses": 11}}}), "R9 count")
}

test_r10_agreement_duties_returned if {
	d := negotiation.decision with input as f.negotiate
	some o in d.obligations
	o.type == "delete_after"
	o.deadline == "2027-02-01T00:00:00Z"
}

# R14 destination binding
test_r14_destination_not_offered_denied if {
	denied_with(with_input({"resource": {"offer": {"destinations": ["HK"]}}}), "R14 destination")
}

test_r14_destination_offered_allowed if {
	d := negotiation.decision with input as with_input({"resource": {"offer": {"destinations": ["CN", "HK"]}}})
	d.allow == true
}

# R15 counter-offer
test_r15_terms_beyond_offer_denied_with_counter_offer if {
	d := negotiation.decision with input as with_input({"context": {"terms": {
		"purposes": ["quality-analysis", "resale"],
		"validFrom": "2026-10-01T00:00:00Z",
		"validUntil": "2027-09-01T00:00:00Z",
		"maxUses": 50,
	}}})
	d.allow == false
	d.counterOffer == {
		"purposes": ["quality-analysis"],
		"validFrom": "2026-11-01T00:00:00Z",
		"validUntil": "2027-06-01T00:00:00Z",
		"maxUses": 10,
		"deleteBy": "2027-02-01T00:00:00Z",
	}
}

test_r15_unlimited_uses_countered_with_offer_limit_allowed if {
	inp := json.remove(with_input({"resource": {"label": object.union(f.label, {"tradeSecret": true})}}), ["context/terms/maxUses"])
	d := negotiation.decision with input as inp
	d.allow == false
	d.counterOffer.maxUses == 10
	accepted := negotiation.decision with input as object.union(inp, {"context": {"terms": d.counterOffer}})
	accepted.allow == true
}

test_r15_refusal_terms_cannot_cure_has_no_counter_offer_denied if {
	d := negotiation.decision with input as with_input({
		"subject": {"securityProfile": 1},
		"context": {"terms": {"validUntil": "2027-09-01T00:00:00Z"}},
	})
	d.allow == false
	not d.counterOffer
}

test_r15_declared_purpose_not_offered_has_no_counter_offer_denied if {
	d := negotiation.decision with input as with_input({"context": {"purpose": "resale", "terms": {"purposes": ["resale"]}}})
	d.allow == false
	not d.counterOffer
}

test_r15_allowed_request_has_no_counter_offer_allowed if {
	d := negotiation.decision with input as f.negotiate
	d.allow == true
	not d.counterOffer
}
