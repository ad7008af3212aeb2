package dataspace.catalog_test

import data.dataspace.catalog
import data.dataspace.fixtures as f

with_input(patch) := object.union(f.browse, patch)

hidden_with(inp, prefix) if {
	d := catalog.decision with input as inp
	d.allow == false
	some r in d.reasons
	startswith(r, prefix)
}

general_public := with_input({
	"subject": {"id": "someone-else", "securityProfile": 1, "securityAgreement": false},
	"resource": {
		"label": object.union(f.label, {"category": "general"}),
		"offer": {"public": true, "audience": []},
	},
})

test_r1_audience_member_sees_offer if {
	d := catalog.decision with input as f.browse
	d.allow == true
}

test_r1_empty_input_hidden if {
	d := catalog.decision with input as {}
	d.allow == false
}

test_r1_invalid_label_hidden if {
	hidden_with(with_input({"resource": {"label": object.union(f.label, {"category": "top-secret"})}}), "R1 label")
}

test_r12_public_general_offer_visible_to_anyone if {
	d := catalog.decision with input as general_public
	d.allow == true
}

test_r12_public_important_offer_refused if {
	hidden_with(with_input({"resource": {"offer": {"public": true}}}), "R12 publication")
}

test_r12_public_offer_of_derived_core_data_refused if {
	hidden_with(
		with_input({
			"subject": {"securityProfile": 4},
			"resource": {
				"label": object.union(f.label, {"category": "general", "derivedFrom": [{"asset": "x", "category": "core"}]}),
				"offer": {"public": true},
			},
		}),
		"R12 publication",
	)
}

test_r13_not_in_audience_hidden if {
	hidden_with(with_input({"subject": {"id": "stranger"}}), "R13 visibility: the offer is not public")
}

test_r13_core_raw_copy_only_offer_hidden if {
	hidden_with(
		with_input({
			"subject": {"securityProfile": 4},
			"resource": {"label": object.union(f.label, {"category": "core"}), "offer": {"delivery": ["copy"]}},
		}),
		"R13 visibility: core data",
	)
}

test_r13_core_computation_offer_visible if {
	d := catalog.decision with input as with_input({
		"subject": {"securityProfile": 4},
		"resource": {"label": object.union(f.label, {"category": "core"}), "offer": {"delivery": ["compute"]}},
	})
	d.allow == true
}

test_r13_low_security_profile_hidden if {
	hidden_with(with_input({"subject": {"securityProfile": 2}}), "R13 visibility: the subject's security profile")
}

test_r13_foreign_subject_without_assessment_hidden if {
	hidden_with(with_input({"subject": {"country": "JP"}}), "R13 visibility: important data cannot be exported")
}

test_r13_foreign_subject_with_assessment_visible if {
	d := catalog.decision with input as with_input({
		"subject": {"country": "DE"},
		"resource": {"label": object.union(f.label, {"crossBorder": {"status": "approved", "approvals": [f.export_assessment]}})},
	})
	d.allow == true
}

test_r13_expired_offer_hidden if {
	hidden_with(with_input({"context": {"time": "2027-06-01T00:00:00Z"}}), "R13 visibility: the offer's validity")
}
