package dataspace.transfer_test

import data.dataspace.fixtures as f
import data.dataspace.transfer

# with_input(patch) is the baseline transfer with patch merged in (objects merge, arrays replace).
with_input(patch) := object.union(f.transfer, patch)

label(l) := with_input({"resource": {"label": object.union(f.label, l)}})

denied_with(inp, prefix) if {
	d := transfer.decision with input as inp
	d.allow == false
	some r in d.reasons
	startswith(r, prefix)
}

# R1 default deny
test_r1_baseline_allowed if {
	d := transfer.decision with input as f.transfer
	d.allow == true
	d.reasons == []
}

test_r1_empty_input_denied if {
	d := transfer.decision with input as {}
	d.allow == false
	count(d.reasons) > 0
}

test_r1_wrong_action_denied if {
	denied_with(with_input({"action": "delete"}), "R1 default deny: the action")
}

test_r1_missing_label_denied if {
	denied_with(object.union(f.transfer, {"resource": {"label": null}}), "R1 label")
}

test_r1_overdue_label_denied if {
	denied_with(label({"reviewBy": "2026-06-30T00:00:00Z"}), "R1 label")
}

# R2 a derived asset inherits core from an input, so R3 applies to it
test_r2_derived_asset_inherits_core_and_is_not_copied if {
	denied_with(
		label({"category": "general", "derivedFrom": [{"asset": "line-3-telemetry", "category": "core"}]}),
		"R3 core",
	)
}

test_r2_derived_from_general_stays_allowed if {
	d := transfer.decision with input as label({"category": "general", "derivedFrom": [{"asset": "a", "category": "general"}]})
	d.allow == true
}

# R3 core data never leaves as a raw copy
test_r3_core_raw_copy_denied_with_alternative if {
	d := transfer.decision with input as with_input({
		"subject": {"securityProfile": 4},
		"resource": {"label": object.union(f.label, {"category": "core"})},
	})
	d.allow == false
	some r in d.reasons
	startswith(r, "R3 core")
	contains(r, "computation at the provider")
}

test_r3_core_computation_allowed if {
	d := transfer.decision with input as with_input({
		"subject": {"securityProfile": 4},
		"resource": {"label": object.union(f.label, {"category": "core"})},
		"context": {"delivery": "compute"},
	})
	d.allow == true
}

# R4 important data: recipient conditions
test_r4_no_security_agreement_denied if {
	denied_with(with_input({"subject": {"securityAgreement": false}}), "R4 important data: no security agreement")
}

test_r4_security_profile_below_required_denied if {
	denied_with(with_input({"subject": {"securityProfile": 2}}), "R4 important data: recipient security profile 2")
}

test_r4_security_profile_at_required_allowed if {
	d := transfer.decision with input as with_input({"subject": {"securityProfile": 3}})
	d.allow == true
}

test_r4_general_data_needs_no_security_profile if {
	d := transfer.decision with input as with_input({
		"subject": {"securityProfile": 1, "securityAgreement": false},
		"resource": {"label": object.union(f.label, {"category": "general"})},
	})
	d.allow == true
}

test_r4_no_declared_purpose_denied if {
	denied_with(object.union(f.transfer, {"context": {"purpose": null}}), "R4 important data: no declared purpose")
}

# R4 export of important data
test_r4_export_without_assessment_denied if {
	denied_with(with_input({"context": {"destination": "DE"}}), "R4 export")
}

test_r4_export_with_assessment_for_destination_allowed if {
	d := transfer.decision with input as with_input({
		"context": {"destination": "DE"},
		"resource": {"label": object.union(f.label, {"crossBorder": {"status": "approved", "approvals": [f.export_assessment]}})},
	})
	d.allow == true
}

test_r4_export_assessment_for_other_destination_denied if {
	denied_with(
		with_input({
			"context": {"destination": "US"},
			"resource": {"label": object.union(f.label, {"crossBorder": {"status": "approved", "approvals": [f.export_assessment]}})},
		}),
		"R4 export",
	)
}

test_r4_export_assessment_expired_exactly_now_denied if {
	denied_with(
		with_input({
			"context": {"destination": "DE", "time": "2026-12-01T00:00:00Z"},
			"resource": {"label": object.union(f.label, {"crossBorder": {"status": "approved", "approvals": [object.union(f.export_assessment, {"expires": "2026-12-01T00:00:00Z"})]}})},
		}),
		"R4 export",
	)
}

test_r4_standard_contract_does_not_cover_important_data if {
	denied_with(
		with_input({
			"context": {"destination": "DE"},
			"resource": {"label": object.union(f.label, {"crossBorder": {"status": "approved", "approvals": [f.standard_contract]}})},
		}),
		"R4 export",
	)
}

# R5 personal information export thresholds
pi_export(p, approvals) := with_input({
	"context": {"destination": "DE"},
	"resource": {"label": object.union(f.label, {
		"category": "general",
		"personalInfo": p,
		"crossBorder": {"status": "approved", "approvals": approvals},
	})},
})

test_r5_below_threshold_export_allowed if {
	d := transfer.decision with input as pi_export({"contains": true, "subjectCount": 99999}, [])
	d.allow == true
}

test_r5_exactly_100k_without_contract_denied if {
	denied_with(pi_export({"contains": true, "subjectCount": 100000}, []), "R5 personal information export")
}

test_r5_100k_with_standard_contract_allowed if {
	d := transfer.decision with input as pi_export({"contains": true, "subjectCount": 100000}, [f.standard_contract])
	d.allow == true
}

test_r5_1m_with_only_standard_contract_denied if {
	denied_with(pi_export({"contains": true, "subjectCount": 1000000}, [f.standard_contract]), "R5 personal information export")
}

test_r5_sensitive_counted_separately_needs_assessment if {
	denied_with(
		pi_export({"contains": true, "sensitive": true, "subjectCount": 20000, "sensitiveSubjectCount": 10000}, [f.standard_contract]),
		"R5 personal information export",
	)
}

test_r5_sensitive_with_assessment_allowed if {
	d := transfer.decision with input as object.union(
		pi_export({"contains": true, "sensitive": true, "subjectCount": 20000, "sensitiveSubjectCount": 10000}, [f.export_assessment]),
		{"context": {"agreement": {"maxUses": 3}}},
	)
	d.allow == true
}

# R6 foreign judicial / enforcement recipients
test_r6_foreign_authority_without_approval_denied if {
	denied_with(with_input({"subject": {"kind": "foreign-enforcement"}}), "R6 foreign authority")
}

test_r6_foreign_authority_with_approval_allowed if {
	d := transfer.decision with input as with_input({
		"subject": {"kind": "foreign-judicial"},
		"context": {"approvalReference": "MOJ-2026-0815"},
	})
	d.allow == true
}

# R7 purpose binding
test_r7_purpose_not_granted_denied if {
	denied_with(with_input({"context": {"purpose": "marketing"}}), "R7 purpose")
}

test_r7_purpose_granted_allowed if {
	d := transfer.decision with input as f.transfer
	d.allow == true
}

# R8 time binding
test_r8_before_validity_denied if {
	denied_with(with_input({"context": {"time": "2026-10-31T23:59:59Z"}}), "R8 time")
}

test_r8_exactly_at_start_allowed if {
	d := transfer.decision with input as with_input({"context": {"time": "2026-11-01T00:00:00Z"}})
	d.allow == true
}

test_r8_one_second_before_expiry_allowed if {
	d := transfer.decision with input as with_input({"context": {"time": "2026-12-31T23:59:59Z"}})
	d.allow == true
}

test_r8_exactly_at_expiry_denied if {
	denied_with(with_input({"context": {"time": "2027-01-01T00:00:00Z"}}), "R8 time")
}

test_r8_agreement_not_finalized_denied if {
	denied_with(with_input({"context": {"agreement": {"state": "AGREED"}}}), "R8 agreement")
}

# R9 count limits
secret_with(uses, limit) := with_input({
	"resource": {"label": object.union(f.label, {"tradeSecret": true})},
	"context": {"usesSoFar": uses, "agreement": {"maxUses": limit}},
})

test_r9_trade_secret_without_limit_denied if {
	denied_with(with_input({"resource": {"label": object.union(f.label, {"tradeSecret": true})}}), "R9 count")
}

test_r9_last_permitted_use_allowed if {
	d := transfer.decision with input as secret_with(2, 3)
	d.allow == true
}

test_r9_exactly_at_limit_denied if {
	denied_with(secret_with(3, 3), "R9 count: 3 of 3")
}

# R10 / R11 obligations
test_r10_obligations_on_allow if {
	d := transfer.decision with input as f.transfer
	types := {o.type | some o in d.obligations}
	types == {"delete_after", "log_usage", "notify_provider", "encrypt"}
	some o in d.obligations
	o.type == "delete_after"
	o.deadline == "2027-02-01T00:00:00Z"
}

test_r11_general_data_not_forced_to_encrypt if {
	d := transfer.decision with input as label({"category": "general"})
	d.allow == true
	not "encrypt" in {o.type | some o in d.obligations}
}

test_r10_no_obligations_on_deny if {
	d := transfer.decision with input as with_input({"context": {"purpose": "marketing"}})
	d.obligations == []
}

test_r11_connector_without_encryption_denied_for_important_data if {
	denied_with(with_input({"subject": {"enforces": ["delete_after", "log_usage", "notify_provider"]}}), "R11 duties")
}

test_r11_connector_without_encryption_allowed_for_general_data if {
	d := transfer.decision with input as with_input({
		"subject": {"enforces": ["delete_after", "log_usage", "notify_provider"]},
		"resource": {"label": object.union(f.label, {"category": "general"})},
	})
	d.allow == true
}

test_r10_connector_without_deletion_denied if {
	denied_with(with_input({"subject": {"enforces": ["encrypt", "log_usage", "notify_provider"]}}), "R10 duties: the recipient's connector does not enforce delete_after")
}

test_r10_connector_enforcing_every_duty_allowed if {
	d := transfer.decision with input as with_input({"subject": {"enforces": ["delete_after", "encrypt", "log_usage", "notify_provider"]}})
	d.allow == true
}

# R14 destination binding
test_r14_destination_not_in_agreement_denied if {
	denied_with(with_input({"context": {"destination": "CN", "agreement": {"destinations": ["HK"]}}}), "R14 destination")
}

test_r14_destination_in_agreement_allowed if {
	d := transfer.decision with input as with_input({"context": {"agreement": {"destinations": ["CN"]}}})
	d.allow == true
}
