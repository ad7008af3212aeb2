# dataspace.negotiation: may this subject get a contract for this offer on these terms?
# Evaluated by the broker and by the provider connector (whose copy is authoritative).
package dataspace.negotiation

import data.dataspace.classification as c

offer := input.resource.offer

# The terms the consumer asks for.
terms := input.context.terms

default decision := {
	"allow": false,
	"reasons": ["R1 default deny: the request is not a negotiation for a known offer (DSL Art. 21; fail closed)"],
	"obligations": [],
}

decision := {"allow": true, "reasons": [], "obligations": obligations} if allowed

decision := {"allow": false, "reasons": sort(denials), "obligations": []} if {
	not allowed
	count(denials) > 0
	not counter_offer
}

# A refusal that narrower terms would cure names them (R15): the provider may offer them.
decision := {"allow": false, "reasons": sort(denials), "obligations": [], "counterOffer": counter_offer} if {
	not allowed
	count(denials) > 0
}

allowed if {
	input.action == "negotiate"
	c.label_valid
	offer
	terms
	count(denials) == 0
}

denials contains msg if some msg in c.label_denials

denials contains msg if some msg in c.core_copy_denials

denials contains msg if some msg in c.recipient_denials

denials contains msg if some msg in c.export_denials

denials contains msg if some msg in c.authority_denials

denials contains "R1 default deny: the action is not \"negotiate\"" if input.action != "negotiate"

denials contains "R1 default deny: no offer or no requested terms (fail closed)" if {
	not offer
}

denials contains "R1 default deny: no offer or no requested terms (fail closed)" if {
	not terms
}

denials contains msg if some msg in c.duty_denials(obligation_set)

# R7 purpose binding: every requested purpose, and the declared one, must be offered.
denials contains msg if {
	some p in array.concat(object.get(object.get(input.context, "terms", {}), "purposes", []), [object.get(input.context, "purpose", null)])
	not p in object.get(object.get(input.resource, "offer", {}), "purposes", [])
	msg := sprintf("R7 purpose: purpose %v is not one the offer grants (PIPL Art. 6; DSL Art. 32, purpose limitation)", [p])
}

# R8 time binding: the requested validity must lie inside the offer's, and the offer must be open now.
denials contains msg if {
	not terms_inside_offer
	msg := "R8 time: the requested validity interval is not inside the offer's (per the offer's usage policy)"
}

terms_inside_offer if {
	c.instant_ns(terms.validFrom) >= c.instant_ns(offer.validFrom)
	c.instant_ns(terms.validUntil) <= c.instant_ns(offer.validUntil)
	c.instant_ns(terms.validFrom) < c.instant_ns(terms.validUntil)
	c.within(offer.validFrom, offer.validUntil)
}

# R14 destination binding: when the offer lists allowed destinations, the destination must be one.
denials contains msg if {
	is_array(offer.destinations)
	not input.context.destination in offer.destinations
	msg := sprintf("R14 destination: %v is not a destination the offer allows (per the offer's usage policy)", [object.get(input.context, "destination", null)])
}

# R9 count limits.
denials contains "R9 count: sensitive personal information or trade-secret data must be granted with a maximum number of uses (PIPL Art. 28: sensitive personal information only for a specific purpose with strict protection; per the Anti-Unfair Competition Law on trade secrets)" if {
	c.count_limited
	not is_number(terms.maxUses)
}

denials contains msg if {
	is_number(offer.maxUses)
	not terms.maxUses <= offer.maxUses
	msg := sprintf("R9 count: requested %v uses exceed the offer's maximum of %v (per the offer's usage policy)", [object.get(object.get(input.context, "terms", {}), "maxUses", "unlimited"), offer.maxUses])
}

# The duties the agreement will carry (R10, R11).
obligation_set contains o if some o in c.encryption_obligations

obligation_set contains {"type": "delete_after", "deadline": terms.deleteBy, "reason": "R10 delete the data by the agreed deadline (PIPL Art. 19 and 47; per the agreement)"} if {
	is_string(terms.deleteBy)
}

obligation_set contains {"type": "log_usage", "reason": "R10 log every use of the data (DSL Art. 27; per MIIT 工业和信息化领域数据安全管理办法（试行）)"}

obligation_set contains {"type": "notify_provider", "reason": "R10 notify the provider of each use and of deletion (per the agreement)"} if {
	offer.notifyProvider == true
}

obligations := [o | some o in obligation_set]

# R15 counter-offer: a request refused only because its terms reach beyond the offer's (purposes the
# offer does not grant, validity outside the offer's, more uses than the offer's or none where the
# offer caps them) is answered with the nearest terms inside the offer, when this same policy allows
# them. Other refusals (grade, recipient, export, purpose declared) have no counter-offer.
counter_offer := narrowed_terms if {
	not allowed
	narrowed_terms != terms
	count(narrowed_terms.purposes) > 0
	allowed with input.context.terms as narrowed_terms
}

narrowed_terms := object.union(terms, object.union(
	{
		"purposes": [p | some p in terms.purposes; p in offer.purposes],
		"validFrom": later(terms.validFrom, offer.validFrom),
		"validUntil": earlier(terms.validUntil, offer.validUntil),
	},
	narrowed_uses,
))

narrowed_uses := {"maxUses": min([terms.maxUses, offer.maxUses])} if {
	is_number(offer.maxUses)
	is_number(terms.maxUses)
}

narrowed_uses := {"maxUses": offer.maxUses} if {
	is_number(offer.maxUses)
	not is_number(terms.maxUses)
}

narrowed_uses := {} if not is_number(offer.maxUses)

later(a, b) := a if c.instant_ns(a) >= c.instant_ns(b)

later(a, b) := b if c.instant_ns(a) < c.instant_ns(b)

earlier(a, b) := a if c.instant_ns(a) <= c.instant_ns(b)

earlier(a, b) := b if c.instant_ns(a) > c.instant_ns(b)
