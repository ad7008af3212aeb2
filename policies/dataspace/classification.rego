# Shared classification and grading rules (数据分类分级) used by every decision point.
#
# Sources: Data Security Law of the PRC (数据安全法) Art. 21 (classified and graded protection,
# general / important / core data); GB/T 43697-2024 数据安全技术 数据分类分级规则; MIIT
# 工业和信息化领域数据安全管理办法（试行）; PIPL (个人信息保护法) and the CAC 促进和规范数据跨境流动规定 (2024).
package dataspace.classification

ref := data.dataspace.reference

label := input.resource.label

# --- time ------------------------------------------------------------------------------------

# The request time as nanoseconds since the epoch; undefined when missing or not RFC 3339.
now_ns := time.parse_rfc3339_ns(input.context.time)

# instant_ns(ts) is the RFC 3339 timestamp ts in nanoseconds.
instant_ns(ts) := time.parse_rfc3339_ns(ts)

# within(from, until) holds when from <= now < until: the interval is half-open, so a request
# made exactly at the expiry instant is outside it.
within(from, until) if {
	now_ns >= instant_ns(from)
	now_ns < instant_ns(until)
}

# --- R1: label validity ---------------------------------------------------------------------

label_denials contains "R1 label: the asset has no classification label; nothing is released without one (DSL Art. 21; GB/T 43697-2024)" if {
	not input.resource.label
}

label_denials contains msg if {
	label
	not ref.grades[label.category]
	msg := sprintf("R1 label: category %v is not one of general, important, core (DSL Art. 21; GB/T 43697-2024)", [object.get(label, "category", null)])
}

label_denials contains msg if {
	label
	not label.domain in ref.domains
	msg := sprintf("R1 label: domain %v is not a recognised industrial data domain (per MIIT 工业和信息化领域数据安全管理办法（试行）)", [object.get(label, "domain", null)])
}

label_denials contains msg if {
	label
	not ref.sectors[label.sector]
	msg := sprintf("R1 label: sector %v is not a GB/T 4754 code in the reference data (per GB/T 43697-2024, classification by sector)", [object.get(label, "sector", null)])
}

label_denials contains msg if {
	some d in object.get(label, "derivedFrom", [])
	not ref.grades[d.category]
	msg := sprintf("R1 label: derived-from input %v has no valid category (GB/T 43697-2024)", [object.get(d, "asset", null)])
}

label_denials contains "R1 label: the label has no valid reviewBy date (per GB/T 43697-2024, grades are reviewed and updated)" if {
	label
	not instant_ns(label.reviewBy)
}

label_denials contains "R1 label: the request carries no valid context.time, so validity cannot be checked (fail closed)" if {
	not now_ns
}

label_denials contains msg if {
	now_ns >= instant_ns(label.reviewBy)
	msg := sprintf("R1 label: the label was due for review by %v and is overdue (per GB/T 43697-2024, grades are reviewed and updated)", [label.reviewBy])
}

label_valid if {
	label
	now_ns
	count(label_denials) == 0
}

# --- R2: effective grade (就高从严) -----------------------------------------------------------

# The effective grade is the highest grade of the asset and of every input it is derived from.
effective_rank := max({ref.grades[label.category]} | {ref.grades[d.category] | some d in object.get(label, "derivedFrom", [])})

effective_grade := name if {
	some name, rank in ref.grades
	rank == effective_rank
}

important_or_core if effective_rank >= ref.grades.important

is_core if effective_grade == "core"

# --- subject and destination helpers ---------------------------------------------------------

domestic(country) if country in ref.countryGroups.domestic

foreign_authority if input.subject.kind in ref.foreignAuthorityKinds

sensitive_pi if label.personalInfo.sensitive == true

sensitive_pi if label.personalInfo.sensitiveSubjectCount > 0

trade_secret if label.tradeSecret == true

# Count-limited data (R9): sensitive personal information and trade secrets.
count_limited if sensitive_pi

count_limited if trade_secret

# An approval on the label covers a destination when it names it, is of an accepted type and
# has not expired.
approval_covers(types, dest) if {
	some a in label.crossBorder.approvals
	a.type in types
	dest in a.destinations
	now_ns < instant_ns(a.expires)
}

# --- R3: core data never leaves as a raw copy ------------------------------------------------

core_copy_denials contains "R3 core: core data is never released as a raw copy; request computation at the provider instead (delivery \"compute\") (DSL Art. 21; per MIIT 工业和信息化领域数据安全管理办法（试行）)" if {
	is_core
	not input.context.delivery == "compute"
}

# --- R4: important / core data: recipient conditions ------------------------------------------

recipient_denials contains "R4 important data: no declared purpose (per MIIT 工业和信息化领域数据安全管理办法（试行）, important data handling)" if {
	important_or_core
	not is_string(input.context.purpose)
}

recipient_denials contains "R4 important data: no security agreement with the recipient on file (per MIIT 工业和信息化领域数据安全管理办法（试行）, important data provision)" if {
	important_or_core
	not input.subject.securityAgreement == true
}

recipient_denials contains msg if {
	important_or_core
	required := ref.requiredSecurityProfile[effective_grade]
	not object.get(input.subject, "securityProfile", 0) >= required
	msg := sprintf("R4 important data: recipient security profile %v is below the level %v required for %v data (per GB/T 43697-2024 and MIIT 工业和信息化领域数据安全管理办法（试行）)", [object.get(input.subject, "securityProfile", null), required, effective_grade])
}

# --- R4 / R5: export --------------------------------------------------------------------------

destination := input.context.destination

export if not domestic(destination)

export_denials contains "R4 export: no destination country in the request (fail closed)" if {
	not is_string(destination)
}

export_denials contains msg if {
	export
	important_or_core
	not approval_covers({"assessment"}, destination)
	msg := sprintf("R4 export: %v data may go to %v only under an unexpired export security assessment covering that destination (DSL Art. 31; per CAC 数据出境安全评估办法)", [effective_grade, destination])
}

# Personal information export mechanism by subject counts since 1 January of the current year
# (per CAC 促进和规范数据跨境流动规定, 2024); sensitive personal information is counted separately.
pi_mechanism := "assessment" if {
	label.personalInfo.contains == true
	pi_assessment
} else := "contract-or-certification" if {
	label.personalInfo.contains == true
	pi_contract
} else := "none"

pi_assessment if object.get(label.personalInfo, "subjectCount", 0) >= ref.personalInformationExport.assessmentFrom

pi_assessment if object.get(label.personalInfo, "sensitiveSubjectCount", 0) >= ref.personalInformationExport.sensitiveAssessmentFrom

pi_contract if object.get(label.personalInfo, "subjectCount", 0) >= ref.personalInformationExport.exemptBelow

pi_contract if object.get(label.personalInfo, "sensitiveSubjectCount", 0) > 0

pi_contract if label.personalInfo.sensitive == true

pi_accepted := {"assessment": {"assessment"}, "contract-or-certification": {"assessment", "standard-contract", "certification"}}

export_denials contains msg if {
	export
	pi_mechanism != "none"
	not approval_covers(pi_accepted[pi_mechanism], destination)
	msg := sprintf("R5 personal information export: %v subjects (%v sensitive) to %v need %v covering that destination (PIPL Art. 38; per CAC 促进和规范数据跨境流动规定)", [object.get(label.personalInfo, "subjectCount", 0), object.get(label.personalInfo, "sensitiveSubjectCount", 0), destination, pi_mechanism])
}

# --- R6: foreign judicial / enforcement recipients ---------------------------------------------

authority_denials contains "R6 foreign authority: data for a foreign judicial or law-enforcement body needs the competent authority's approval reference (DSL Art. 36; PIPL Art. 41)" if {
	foreign_authority
	not is_string(input.context.approvalReference)
}

# --- R10 / R11: obligations --------------------------------------------------------------------

encryption_obligations contains {"type": "encrypt", "reason": "R11 important and core data are encrypted in transit and at rest (per MIIT 工业和信息化领域数据安全管理办法（试行）)"} if {
	important_or_core
}

# The rule each obligation type implements.
obligation_rule := {"encrypt": "R11", "delete_after": "R10", "log_usage": "R10", "notify_provider": "R10"}

# duty_denials(obligations): when the recipient's connector declares the duties it enforces
# (subject.enforces), every obligation it would receive must be among them; otherwise the data
# is refused here rather than released to a connector that cannot honour it.
duty_denials(obligations) := {msg |
	is_array(input.subject.enforces)
	some o in obligations
	not o.type in input.subject.enforces
	msg := sprintf("%v duties: the recipient's connector does not enforce %v, so the data is refused (%v)", [obligation_rule[o.type], o.type, o.reason])
}
