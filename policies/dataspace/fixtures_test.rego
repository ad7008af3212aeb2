# Test fixtures shared by the *_test.rego files: a domestic consumer with an important-data
# label, and a finalized agreement valid through 2026-12-31. Tests override parts with object.union.
package dataspace.fixtures

label := {
	"category": "important",
	"domain": "production",
	"sector": "C36",
	"reviewBy": "2027-06-30T00:00:00Z",
	"personalInfo": {"contains": false},
	"crossBorder": {"status": "domestic-only", "approvals": []},
	"tradeSecret": false,
	"derivedFrom": [],
}

subject := {
	"id": "acme-analytics",
	"country": "CN",
	"kind": "enterprise",
	"securityProfile": 3,
	"securityAgreement": true,
}

agreement := {
	"state": "FINALIZED",
	"purposes": ["quality-analysis"],
	"validFrom": "2026-11-01T00:00:00Z",
	"validUntil": "2027-01-01T00:00:00Z",
	"deleteBy": "2027-02-01T00:00:00Z",
	"notifyProvider": true,
}

offer := {
	"id": "offer-1",
	"public": false,
	"audience": ["acme-analytics"],
	"delivery": ["copy", "compute"],
	"purposes": ["quality-analysis", "predictive-maintenance"],
	"validFrom": "2026-11-01T00:00:00Z",
	"validUntil": "2027-06-01T00:00:00Z",
	"maxUses": 10,
	"notifyProvider": true,
}

transfer := {
	"action": "transfer",
	"subject": subject,
	"resource": {"label": label},
	"context": {
		"time": "2026-12-01T00:00:00Z",
		"purpose": "quality-analysis",
		"destination": "CN",
		"delivery": "copy",
		"usesSoFar": 0,
		"agreement": agreement,
	},
}

use := object.union(transfer, {"action": "use"})

negotiate := {
	"action": "negotiate",
	"subject": subject,
	"resource": {"label": label, "offer": offer},
	"context": {
		"time": "2026-12-01T00:00:00Z",
		"purpose": "quality-analysis",
		"destination": "CN",
		"delivery": "copy",
		"terms": {
			"purposes": ["quality-analysis"],
			"validFrom": "2026-12-01T00:00:00Z",
			"validUntil": "2027-01-01T00:00:00Z",
			"maxUses": 5,
			"deleteBy": "2027-02-01T00:00:00Z",
		},
	},
}

browse := {
	"action": "browse",
	"subject": subject,
	"resource": {"label": label, "offer": offer},
	"context": {"time": "2026-12-01T00:00:00Z"},
}

# A German recipient, with and without an export assessment on the label.
export_assessment := {"reference": "CAC-EXP-2026-0042", "type": "assessment", "destinations": ["DE"], "expires": "2027-03-01T00:00:00Z"}

standard_contract := {"reference": "SC-2026-117", "type": "standard-contract", "destinations": ["DE"], "expires": "2027-03-01T00:00:00Z"}
