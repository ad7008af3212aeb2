package dataspace.usage_test

import data.dataspace.fixtures as f
import data.dataspace.usage

with_input(patch) := object.union(f.use, patch)

denied_with(inp, prefix) if {
	d := usage.decision with input as inp
	d.allow == false
	some r in d.reasons
	startswith(r, prefix)
}

test_r1_baseline_use_allowed if {
	d := usage.decision with input as f.use
	d.allow == true
}

test_r1_empty_input_denied if {
	d := usage.decision with input as {}
	d.allow == false
}

test_r1_transfer_action_is_not_a_use if {
	denied_with(f.transfer, "R1 default deny: the action")
}

test_r1_overdue_label_denied if {
	denied_with(with_input({"resource": {"label": object.union(f.label, {"reviewBy": "2026-01-01T00:00:00Z"})}}), "R1 label")
}

# R7 purpose binding at use
test_r7_use_for_other_purpose_denied if {
	denied_with(with_input({"context": {"purpose": "model-training"}}), "R7 purpose")
}

# R8 time binding at use
test_r8_use_exactly_at_expiry_denied if {
	denied_with(with_input({"context": {"time": "2027-01-01T00:00:00Z"}}), "R8 time")
}

test_r8_use_just_before_expiry_allowed if {
	d := usage.decision with input as with_input({"context": {"time": "2026-12-31T23:59:59.999Z"}})
	d.allow == true
}

test_r8_terminated_agreement_denied if {
	denied_with(with_input({"context": {"agreement": {"state": "TERMINATED"}}}), "R8 agreement")
}

# R9 count limits for sensitive personal information
sensitive_with(uses, limit) := with_input({
	"resource": {"label": object.union(f.label, {"personalInfo": {"contains": true, "sensitive": true, "subjectCount": 40, "sensitiveSubjectCount": 40}})},
	"context": {"usesSoFar": uses, "agreement": {"maxUses": limit}},
})

test_r9_sensitive_pi_below_limit_allowed if {
	d := usage.decision with input as sensitive_with(4, 5)
	d.allow == true
}

test_r9_sensitive_pi_exactly_at_limit_denied if {
	denied_with(sensitive_with(5, 5), "R9 count")
}

test_r9_sensitive_pi_without_limit_denied if {
	denied_with(
		with_input({"resource": {"label": object.union(f.label, {"personalInfo": {"contains": true, "sensitive": true, "sensitiveSubjectCount": 40}})}}),
		"R9 count",
	)
}

# R10 delete-after: once the deadline passes, reads are refused; before it the duty is carried
test_r10_after_delete_deadline_denied if {
	denied_with(
		with_input({"context": {"agreement": {"deleteBy": "2026-11-30T00:00:00Z"}}}),
		"R10 delete-after",
	)
}

test_r10_delete_exactly_at_deadline_denied if {
	denied_with(
		with_input({"context": {"agreement": {"deleteBy": "2026-12-01T00:00:00Z"}}}),
		"R10 delete-after",
	)
}

test_r10_use_carries_logging_and_delete_duties if {
	d := usage.decision with input as f.use
	types := {o.type | some o in d.obligations}
	"log_usage" in types
	"delete_after" in types
	"notify_provider" in types
}

test_r10_no_notify_duty_unless_agreed if {
	d := usage.decision with input as with_input({"context": {"agreement": {"notifyProvider": false}}})
	d.allow == true
	not "notify_provider" in {o.type | some o in d.obligations}
}

# R11 encryption at rest for important data
test_r11_important_data_must_be_encrypted if {
	d := usage.decision with input as f.use
	"encrypt" in {o.type | some o in d.obligations}
}

test_r11_application_without_encryption_at_rest_denied if {
	denied_with(with_input({"subject": {"enforces": ["delete_after", "log_usage", "notify_provider"]}}), "R11 duties")
}
