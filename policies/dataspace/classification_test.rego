package dataspace.classification_test

import data.dataspace.classification as c
import data.dataspace.fixtures as f

in_with_label(l) := object.union(f.transfer, {"resource": {"label": object.union(f.label, l)}})

# R1 label validity
test_r1_valid_label_has_no_denials if {
	c.label_valid with input as f.transfer
}

test_r1_missing_label_denied if {
	some msg in c.label_denials with input as object.remove(f.transfer, ["resource"])
	startswith(msg, "R1 label: the asset has no classification label")
}

test_r1_unknown_category_denied if {
	some msg in c.label_denials with input as in_with_label({"category": "secret"})
	contains(msg, "category secret ")
}

test_r1_unknown_sector_denied if {
	some msg in c.label_denials with input as in_with_label({"sector": "Z99"})
	contains(msg, "GB/T 4754")
}

test_r1_overdue_review_denied if {
	some msg in c.label_denials with input as in_with_label({"reviewBy": "2026-11-30T00:00:00Z"})
	contains(msg, "overdue")
}

# Edge: a label whose review falls due exactly now is overdue.
test_r1_review_due_exactly_now_denied if {
	not c.label_valid with input as in_with_label({"reviewBy": "2026-12-01T00:00:00Z"})
}

test_r1_missing_time_denied if {
	some msg in c.label_denials with input as object.union(f.transfer, {"context": {"time": "yesterday"}})
	contains(msg, "context.time")
}

# R2 effective grade (就高从严)
test_r2_grade_of_plain_asset if {
	c.effective_grade == "general" with input as in_with_label({"category": "general"})
}

test_r2_derived_asset_inherits_core if {
	c.effective_grade == "core" with input as in_with_label({
		"category": "general",
		"derivedFrom": [{"asset": "a-1", "category": "important"}, {"asset": "a-2", "category": "core"}],
	})
}

test_r2_derived_asset_keeps_own_higher_grade if {
	c.effective_grade == "important" with input as in_with_label({"derivedFrom": [{"asset": "a-1", "category": "general"}]})
}

test_r2_derived_input_with_invalid_category_denied if {
	some msg in c.label_denials with input as in_with_label({"derivedFrom": [{"asset": "a-9", "category": "unknown"}]})
	contains(msg, "a-9")
}

# R5 personal information thresholds (counts since 1 January, sensitive PI counted separately)
pi(p) := in_with_label({"category": "general", "personalInfo": p})

test_r5_below_100k_is_exempt if {
	c.pi_mechanism == "none" with input as pi({"contains": true, "subjectCount": 99999})
}

test_r5_exactly_100k_needs_contract if {
	c.pi_mechanism == "contract-or-certification" with input as pi({"contains": true, "subjectCount": 100000})
}

test_r5_exactly_1m_needs_assessment if {
	c.pi_mechanism == "assessment" with input as pi({"contains": true, "subjectCount": 1000000})
}

test_r5_any_sensitive_needs_contract if {
	c.pi_mechanism == "contract-or-certification" with input as pi({"contains": true, "sensitive": true, "subjectCount": 10, "sensitiveSubjectCount": 10})
}

test_r5_10k_sensitive_needs_assessment if {
	c.pi_mechanism == "assessment" with input as pi({"contains": true, "sensitive": true, "subjectCount": 500, "sensitiveSubjectCount": 10000})
}

test_r5_no_personal_information if {
	c.pi_mechanism == "none" with input as pi({"contains": false})
}
