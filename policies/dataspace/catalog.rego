# dataspace.catalog: may this subject see this offer in the catalog?
# An offer is shown only to subjects that could ever be granted it (R13).
package dataspace.catalog

import data.dataspace.classification as c

offer := input.resource.offer

subject := input.subject

default decision := {
	"allow": false,
	"reasons": ["R1 default deny: the request is not a catalog lookup for a known offer (DSL Art. 21; fail closed)"],
	"obligations": [],
}

decision := {"allow": true, "reasons": [], "obligations": []} if allowed

decision := {"allow": false, "reasons": sort(denials), "obligations": []} if {
	not allowed
	count(denials) > 0
}

allowed if {
	input.action == "browse"
	c.label_valid
	offer
	count(denials) == 0
}

denials contains msg if some msg in c.label_denials

denials contains "R1 default deny: the action is not \"browse\"" if input.action != "browse"

denials contains "R1 default deny: no offer (fail closed)" if not offer

# R12 important and core data are never offered to everyone.
denials contains msg if {
	offer.public == true
	c.important_or_core
	msg := sprintf("R12 publication: %v data may not be offered publicly; name its audience (DSL Art. 21; per MIIT 工业和信息化领域数据安全管理办法（试行）)", [c.effective_grade])
}

# R13 audience: a non-public offer is visible to the participants it names.
denials contains "R13 visibility: the offer is not public and does not name this subject in its audience" if {
	not offer.public == true
	not subject.id in object.get(object.get(input.resource, "offer", {}), "audience", [])
}

# R13 visibility: hide what the subject could never be granted.
denials contains "R13 visibility: core data offered only as a raw copy can never be granted (R3: core data is never released as a raw copy)" if {
	c.is_core
	not "compute" in object.get(object.get(input.resource, "offer", {}), "delivery", [])
}

denials contains msg if {
	c.important_or_core
	required := c.ref.requiredSecurityProfile[c.effective_grade]
	not object.get(subject, "securityProfile", 0) >= required
	msg := sprintf("R13 visibility: the subject's security profile is below the level %v required for %v data (R4)", [required, c.effective_grade])
}

denials contains msg if {
	c.important_or_core
	not c.domestic(subject.country)
	not c.approval_covers({"assessment"}, subject.country)
	msg := sprintf("R13 visibility: %v data cannot be exported to %v without an export assessment covering it (R4)", [c.effective_grade, object.get(subject, "country", null)])
}

denials contains "R13 visibility: the offer's validity has ended (R8)" if {
	c.now_ns >= c.instant_ns(offer.validUntil)
}
