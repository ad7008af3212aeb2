# dataspace.transfer: may this transfer run now under this agreement?
# Evaluated by the provider connector before anything is released (fail closed).
package dataspace.transfer

import data.dataspace.classification as c

agreement := input.context.agreement

default decision := {
	"allow": false,
	"reasons": ["R1 default deny: the request is not a transfer under a known agreement (DSL Art. 21; fail closed)"],
	"obligations": [],
}

decision := {"allow": true, "reasons": [], "obligations": obligations} if allowed

decision := {"allow": false, "reasons": sort(denials), "obligations": []} if {
	not allowed
	count(denials) > 0
}

allowed if {
	input.action == "transfer"
	c.label_valid
	agreement.state == "FINALIZED"
	c.within(agreement.validFrom, agreement.validUntil)
	count(denials) == 0
}

denials contains msg if some msg in c.label_denials

denials contains msg if some msg in c.core_copy_denials

denials contains msg if some msg in c.recipient_denials

denials contains msg if some msg in c.export_denials

denials contains msg if some msg in c.authority_denials

denials contains "R1 default deny: the action is not \"transfer\"" if input.action != "transfer"

denials contains msg if {
	not agreement.state == "FINALIZED"
	msg := sprintf("R8 agreement: the agreement is %v, not FINALIZED (DSP negotiation states; DESIGN §5)", [object.get(object.get(input.context, "agreement", {}), "state", "missing")])
}

denials contains msg if some msg in c.duty_denials(obligation_set)

# R7 purpose binding.
denials contains msg if {
	not input.context.purpose in object.get(object.get(input.context, "agreement", {}), "purposes", [])
	msg := sprintf("R7 purpose: purpose %v is not granted by the agreement (PIPL Art. 6; DSL Art. 32, purpose limitation)", [object.get(input.context, "purpose", null)])
}

# R8 time binding: [validFrom, validUntil), so a request exactly at validUntil is late.
denials contains msg if {
	not c.within(agreement.validFrom, agreement.validUntil)
	msg := sprintf("R8 time: %v is outside the agreement's validity [%v, %v) (per the agreement's usage policy)", [object.get(input.context, "time", null), object.get(object.get(input.context, "agreement", {}), "validFrom", null), object.get(object.get(input.context, "agreement", {}), "validUntil", null)])
}

# R14 destination binding: when the agreement lists allowed destinations, the destination must be one.
denials contains msg if {
	is_array(agreement.destinations)
	not input.context.destination in agreement.destinations
	msg := sprintf("R14 destination: %v is not a destination the agreement allows (per the agreement's usage policy)", [object.get(input.context, "destination", null)])
}

# R9 count limits for sensitive personal information and trade secrets.
denials contains "R9 count: sensitive personal information or trade-secret data needs a maximum number of uses in the agreement (PIPL Art. 28: sensitive personal information only for a specific purpose with strict protection; per the Anti-Unfair Competition Law on trade secrets)" if {
	c.count_limited
	not is_number(agreement.maxUses)
}

denials contains msg if {
	is_number(agreement.maxUses)
	object.get(input.context, "usesSoFar", 0) >= agreement.maxUses
	msg := sprintf("R9 count: %v of %v permitted uses are spent (per the agreement's usage policy)", [object.get(input.context, "usesSoFar", 0), agreement.maxUses])
}

# R10 duties the connector must enforce or refuse the data.
obligation_set contains o if some o in c.encryption_obligations

obligation_set contains {"type": "delete_after", "deadline": agreement.deleteBy, "reason": "R10 delete the data by the agreed deadline (PIPL Art. 19 and 47; per the agreement)"} if {
	is_string(agreement.deleteBy)
}

obligation_set contains {"type": "log_usage", "reason": "R10 log every use of the data (DSL Art. 27; per MIIT 工业和信息化领域数据安全管理办法（试行）)"}

obligation_set contains {"type": "notify_provider", "reason": "R10 notify the provider of each use and of deletion (per the agreement)"} if {
	agreement.notifyProvider == true
}

obligations := [o | some o in obligation_set]
