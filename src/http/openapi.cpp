// The OpenAPI 3.1 document, generated: the operations from the routes' specs (http/route_spec.hpp),
// the record schemas from the record types' tables (domain/record_type.hpp), and the shared schemas
// below. `haven openapi` prints it; GET /api/v1/openapi.json serves it; the web client's types and
// tests read it. Nothing about a route or a record type is written here.
#include "http/openapi.hpp"

#include <set>

#include <boost/json.hpp>

#include "app/permissions.hpp"
#include "codec/centre_record_json.hpp"
#include "codec/record_json.hpp"
#include "http/route_spec.hpp"

namespace haven::http {
namespace {

namespace json = boost::json;

// What no route or record table owns: the info, the security scheme, shared parameters and schemas.
constexpr std::string_view kShared = R"json({
 "openapi": "3.1.0",
 "info": {
  "title": "Haven API",
  "version": "1",
  "description": "Case management for services to victims of human trafficking, following the Minimum Standards (Viet Nam, 2011). Errors are RFC 9457 problem+json with a stable code, the field where one applies, the clause a refusal enforces, and a message in the language of Accept-Language (vi by default, or en)."
 },
 "servers": [
  {
   "url": "/"
  }
 ],
 "components": {
  "securitySchemes": {
   "session": {
    "type": "apiKey",
    "in": "cookie",
    "name": "haven_session",
    "description": "Set by POST /api/v1/session; HttpOnly, SameSite=Strict. A change also needs the X-CSRF-Token header (SignedIn.csrf_token). Named __Host-haven_session, with Secure, when the server runs with --secure-cookies behind HTTPS."
   }
  },
  "parameters": {
   "AcceptLanguage": {
    "name": "Accept-Language",
    "in": "header",
    "required": false,
    "schema": {
     "type": "string",
     "examples": [
      "vi",
      "en"
     ]
    }
   },
   "IdempotencyKey": {
    "name": "Idempotency-Key",
    "in": "header",
    "required": false,
    "description": "One per submission of a form (draft-ietf-httpapi-idempotency-key-header): sent again with the same body, the request is answered with what the first made, never made twice; with another body, 422 naming Idempotency-Key. Kept 48 hours, each person's own. 1 to 255 visible ASCII characters, quoted or bare.",
    "schema": {
     "type": "string",
     "maxLength": 257
    }
   },
   "CaseId": {
    "name": "case_id",
    "in": "path",
    "required": true,
    "schema": {
     "type": "string"
    }
   }
  },
  "responses": {
   "Problem": {
    "description": "An error",
    "content": {
     "application/problem+json": {
      "schema": {
       "$ref": "#/components/schemas/Problem"
      }
     }
    }
   }
  },
  "schemas": {
   "Problem": {
    "type": "object",
    "required": [
     "type",
     "title",
     "status",
     "detail",
     "code"
    ],
    "properties": {
     "type": {
      "type": "string"
     },
     "title": {
      "type": "string"
     },
     "status": {
      "type": "integer"
     },
     "detail": {
      "type": "string",
      "description": "What happened and what to do, in the request's language."
     },
     "code": {
      "type": "string",
      "enum": [
       "malformed_request",
       "malformed_json",
       "invalid_utf8",
       "wrong_type",
       "unknown_field",
       "missing_field",
       "validation_failed",
       "payload_too_large",
       "unsupported_media_type",
       "headers_too_large",
       "unauthenticated",
       "invalid_credentials",
       "second_factor_required",
       "forbidden",
       "not_found",
       "gone",
       "method_not_allowed",
       "version_conflict",
       "guard_refused",
       "already_exists",
       "rate_limited",
       "busy",
       "unavailable",
       "internal"
      ]
     },
     "field": {
      "type": "string",
      "description": "Dotted path of the offending field, e.g. person.birth_date."
     },
     "clause": {
      "type": "string",
      "description": "The clause of the Minimum Standards the refusal enforces, e.g. II.1.a."
     },
     "current_version": {
      "type": "integer",
      "description": "With version_conflict: the record's version now."
     },
     "refusals": {
      "type": "array",
      "description": "With guard_refused: every rule that refuses, each with its clause and what must happen first, in the request's language; clause and detail are the first of them.",
      "items": {"type": "object", "required": ["clause", "message"], "properties": {"clause": {"type": "string"}, "message": {"type": "string"}}}
     }
    }
   },
   "DisclosurePackageRequest": {
    "type": "object",
    "additionalProperties": false,
    "required": [
     "disclosure"
    ],
    "properties": {
     "disclosure": {
      "type": "object",
      "description": "As the disclosure record's body: kind (export_file, print, referral_package, family_information, agency_information, identification_cooperation), recipient, purpose, categories[] (at least one), reason, referral_id (a referral package's)."
     },
     "language": {
      "type": "string",
      "enum": [
       "vi",
       "en"
      ],
      "description": "The language of the headings; by default the request's."
     }
    }
   },
   "DisclosurePackage": {
    "type": "object",
    "properties": {
     "preview": {
      "type": "boolean"
     },
     "ready": {
      "type": "boolean",
      "description": "Nothing in the gate stands in the way (a preview)."
     },
     "refusals": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "clause": {
         "type": "string"
        },
        "message": {
         "type": "string"
        }
       }
      }
     },
     "disclosure_id": {
      "type": [
       "string",
       "null"
      ]
     },
     "language": {
      "type": "string"
     },
     "title": {
      "type": "string"
     },
     "notice": {
      "type": "string"
     },
     "kind": {
      "type": "string"
     },
     "recipient": {
      "type": "string"
     },
     "purpose": {
      "type": "string"
     },
     "categories": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "id": {
         "type": "string"
        },
        "label": {
         "type": "string"
        }
       }
      }
     },
     "generated_at": {
      "type": "string",
      "format": "date-time"
     },
     "case": {
      "type": "object",
      "description": "code always; person with identity; reception and stage with case_history."
     },
     "records": {
      "type": "array",
      "items": {
       "type": "object",
       "description": "A record with only its fields of the requested categories (I.3.b): a field needs each of its categories requested and consented (the intake's mental condition is psychological, its physical condition health); the others are left out. categories: those of the fields that are in it.",
       "properties": {
        "categories": {"type": "array", "items": {"type": "string", "enum": ["identity", "contact", "health", "psychological", "case_history", "identification", "plan"]}}
       }
      }
     },
     "documents": {
      "type": "array",
      "description": "The case's documents of the requested categories (I.3.b), only in a package that carries the person's identity too, as attached by the release; without recorded_by and record_id. A provider opens one at /received-referrals/{case_id}/{disclosure_id}/documents/{document_id}.",
      "items": {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "category": {"$ref": "#/components/schemas/InformationCategory"}, "media_type": {"type": "string"}, "byte_size": {"type": "integer"}, "recorded_at": {"type": "string", "format": "date-time"}}}
     }
    }
   },
   "SignInRequest": {
    "type": "object",
    "additionalProperties": false,
    "required": [
     "username",
     "password"
    ],
    "properties": {
     "username": {
      "type": "string",
      "maxLength": 64,
      "description": "A longer name is no one's: it is answered 401 without a password being checked, and counted and audited like every attempt."
     },
     "password": {
      "type": "string",
      "maxLength": 128
     },
     "code": {
      "type": "string",
      "maxLength": 16,
      "description": "The 6-digit code of the authenticator app, for an account with two-step sign-in on. Without it the answer is 401 second_factor_required; a wrong or already used code is 401 invalid_credentials with field code, and counts as a failed attempt."
     }
    }
   },
   "SignedIn": {
    "type": "object",
    "required": [
     "user",
     "csrf_token"
    ],
    "properties": {
     "session": {
      "type": "object",
      "description": "The session's limits: it ends after idle_timeout_seconds without a request, and at ends_at whatever the activity (docs/security.md).",
      "required": ["idle_timeout_seconds", "ends_at"],
      "properties": {
       "idle_timeout_seconds": {"type": "integer"},
       "ends_at": {"type": "string", "format": "date-time"}
      }
     },
     "user": {
      "type": "object",
      "required": [
       "id",
       "username",
       "display_name",
       "role",
       "centre"
      ],
      "properties": {
       "id": {
        "type": "string"
       },
       "username": {
        "type": "string"
       },
       "display_name": {
        "type": "string"
       },
       "role": {
        "type": "string",
        "enum": [
         "administrator",
         "centre_head",
         "case_worker",
         "counsellor",
         "auditor",
         "external_provider"
        ]
       },
       "centre": {
        "oneOf": [
         {
          "type": "null"
         },
         {
          "type": "object",
          "properties": {
           "id": {
            "type": "string"
           },
           "name": {
            "type": "string"
           }
          }
         }
        ]
       },
       "confirmed": {
        "type": "boolean",
        "description": "False for an account made through the API that nobody other than its maker has confirmed: every route but the session's own and the two-step set-up answers 403 until then."
       }
      }
     },
     "csrf_token": {
      "type": "string",
      "description": "The session's anti-forgery token: every request that changes something (POST, PUT, PATCH, DELETE) while signed in carries it in the X-CSRF-Token header, or is refused with 403."
     },
     "second_factor": {
      "type": "object",
      "required": [
       "enabled",
       "setup_required"
      ],
      "properties": {
       "enabled": {
        "type": "boolean",
        "description": "Two-step sign-in (TOTP) is on for this account."
       },
       "setup_required": {
        "type": "boolean",
        "description": "The role must use two-step sign-in (administrators and centre heads) and it is not set up: until it is, every route but the session's and the set-up's answers 403."
       }
      }
     }
    }
   },
   "Reception": {
    "type": "object",
    "additionalProperties": false,
    "description": "The reception record of clause II.1.a.",
    "required": [
     "received_at",
     "referral_channel",
     "referring_authority",
     "legal_basis"
    ],
    "properties": {
     "received_at": {
      "type": "string",
      "format": "date-time",
      "description": "UTC, not in the future."
     },
     "referral_channel": {
      "type": "string",
      "enum": [
       "police",
       "border_guard",
       "social_welfare",
       "ngo",
       "hotline",
       "self",
       "family",
       "other"
      ]
     },
     "referring_authority": {
      "type": "string",
      "maxLength": 300
     },
     "legal_basis": {
      "type": "string",
      "maxLength": 300
     },
     "documents": {
      "type": "array",
      "maxItems": 50,
      "items": {
       "type": "string",
       "maxLength": 300
      }
     }
    }
   },
   "Person": {
    "type": "object",
    "additionalProperties": false,
    "required": [
     "name",
     "name_is_alias",
     "sex",
     "suspected_child",
     "nationality",
     "languages",
     "preferred_staff_gender"
    ],
    "properties": {
     "name": {
      "type": "string",
      "maxLength": 200,
      "description": "Name or alias: letters, digits, spaces and ' - . only."
     },
     "name_is_alias": {
      "type": "boolean"
     },
     "sex": {
      "type": "string",
      "enum": [
       "female",
       "male",
       "other",
       "unknown"
      ]
     },
     "birth_date": {
      "type": [
       "string",
       "null"
      ],
      "format": "date",
      "description": "Not in the future."
     },
     "estimated_age": {
      "type": [
       "integer",
       "null"
      ],
      "minimum": 0,
      "maximum": 120,
      "description": "Whole years, estimated on the day of reception."
     },
     "suspected_child": {
      "type": "boolean",
      "description": "II.2.d: with no birth date, the person is treated as a child."
     },
     "nationality": {
      "type": "string",
      "pattern": "^[A-Z]{2}$"
     },
     "languages": {
      "type": "array",
      "minItems": 1,
      "maxItems": 10,
      "items": {
       "type": "string"
      }
     },
     "preferred_staff_gender": {
      "type": "string",
      "enum": [
       "female",
       "male",
       "any"
      ],
      "description": "I.2.b"
     }
    }
   },
   "NewCase": {
    "type": "object",
    "additionalProperties": false,
    "required": [
     "reception",
     "person"
    ],
    "properties": {
     "reception": {
      "$ref": "#/components/schemas/Reception"
     },
     "person": {
      "$ref": "#/components/schemas/Person"
     },
     "possible_duplicates_seen": {
      "type": "array",
      "maxItems": 20,
      "items": {
       "type": "string",
       "pattern": "^HV-[0-9A-Z]{4}-[0-9A-Z]{4}$"
      },
      "description": "The codes of the possible earlier cases of this person the worker was shown (POST /cases/possible-duplicates) and went on despite; recorded in the audit entry."
     }
    }
   },
   "PossibleDuplicatesQuery": {
    "type": "object",
    "additionalProperties": false,
    "required": [
     "name"
    ],
    "properties": {
     "name": {
      "type": "string",
      "pattern": "\\S",
      "maxLength": 200
     },
     "birth_date": {
      "type": "string",
      "format": "date"
     }
    }
   },
   "PossibleDuplicates": {
    "type": "object",
    "required": [
     "items"
    ],
    "properties": {
     "items": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "code",
        "received_at"
       ],
       "properties": {
        "code": {
         "type": "string"
        },
        "received_at": {
         "type": "string",
         "format": "date-time"
        }
       }
      }
     }
    }
   },
   "ReceptionUpdate": {
    "type": "object",
    "additionalProperties": false,
    "required": [
     "version",
     "reception",
     "reason"
    ],
    "properties": {
     "version": {
      "type": "integer",
      "description": "The case version that was read."
     },
     "reception": {
      "$ref": "#/components/schemas/Reception"
     },
     "reason": {
      "type": "string",
      "minLength": 1,
      "description": "Why it is corrected; kept in the correction record."
     }
    }
   },
   "PersonCorrection": {
    "type": "object",
    "additionalProperties": false,
    "required": [
     "version",
     "person",
     "reason"
    ],
    "properties": {
     "version": {
      "type": "integer",
      "description": "The case version that was read."
     },
     "person": {
      "$ref": "#/components/schemas/Person"
     },
     "reason": {
      "type": "string",
      "minLength": 1,
      "description": "Why it is corrected; kept in the correction record."
     }
    }
   },
   "Case": {
    "type": "object",
    "required": [
     "id",
     "code",
     "stage",
     "version",
     "created_at",
     "updated_at",
     "person",
     "reception"
    ],
    "properties": {
     "id": {
      "type": "string"
     },
     "code": {
      "type": "string",
      "pattern": "^HV-[0-9A-Z]{4}-[0-9A-Z]{4}$"
     },
     "stage": {
      "type": "string",
      "enum": [
       "received",
       "in_care",
       "identification",
       "assessment",
       "planning",
       "reintegration",
       "monitoring",
       "closed",
       "repatriation"
      ]
     },
     "version": {
      "type": "integer"
     },
     "created_at": {
      "type": "string",
      "format": "date-time"
     },
     "updated_at": {
      "type": "string",
      "format": "date-time"
     },
     "person": {
      "allOf": [
       {
        "$ref": "#/components/schemas/Person"
       }
      ],
      "properties": {
       "treated_as_child": {
        "type": "boolean"
       }
      }
     },
     "reception": {
      "allOf": [
       {
        "$ref": "#/components/schemas/Reception"
       }
      ],
      "properties": {
       "recorded_by": {
        "type": "object",
        "properties": {
         "id": {
          "type": "string"
         },
         "display_name": {
          "type": "string"
         }
        }
       }
      }
     },
     "access": {
      "type": [
       "object",
       "null"
      ],
      "description": "Why the reader may open the case (I.3.c): on_case (assigned or designated), received (who received the person, until the first assignment) or break_glass (the centre head's emergency opening, until the time given). Null when the centre head acts on a case she is not on (an assignment, a transfer).",
      "properties": {
       "via": {
        "type": "string",
        "enum": [
         "on_case",
         "received",
         "break_glass"
        ]
       },
       "until": {
        "type": [
         "string",
         "null"
        ],
        "format": "date-time"
       }
      }
     },
     "staff_on_case": {
      "type": "array",
      "items": {
       "type": "string"
      },
      "description": "The staff IDs on the case now, as its records say (assigned or designated, not since released), in the order they joined; empty before the first assignment, when the one who received the person is on it."
     },
     "designated_staff": {
      "type": [
       "string",
       "null"
      ],
      "description": "The member of staff the victim designated (II.1.d), while still on the case."
     }
    }
   },
   "Account": {
    "type": "object",
    "description": "A staff account as an administrator or its centre's head sees it: never its password hash or activation code.",
    "properties": {
     "id": {
      "type": "string"
     },
     "username": {
      "type": "string"
     },
     "display_name": {
      "type": "string"
     },
     "role": {
      "type": "string"
     },
     "centre_id": {
      "type": [
       "string",
       "null"
      ]
     },
     "organisation": {
      "type": "string"
     },
     "disabled": {
      "type": "boolean"
     },
     "second_factor": {
      "type": "boolean"
     },
     "created_at": {
      "type": "string",
      "format": "date-time"
     },
     "created_by": {
      "type": [
       "string",
       "null"
      ],
      "description": "Who made it through the API; null: at the server's command line."
     },
     "activated": {
      "type": "boolean",
      "description": "Its owner set the password with the activation code."
     },
     "activation_expires_at": {
      "type": [
       "string",
       "null"
      ],
      "format": "date-time"
     },
     "confirmed": {
      "type": "boolean",
      "description": "Confirmed by someone other than its maker (or made at the command line); until then it reaches only its own sign-in set-up."
     },
     "confirmed_by": {
      "type": [
       "string",
       "null"
      ]
     },
     "confirmed_at": {
      "type": [
       "string",
       "null"
      ],
      "format": "date-time"
     }
    }
   },
   "ActivationCode": {
    "type": "object",
    "description": "A one-time code that lets the account's owner set its password; shown once, valid 7 days.",
    "properties": {
     "code": {
      "type": "string",
      "description": "Three groups of five Crockford base-32 characters."
     },
     "expires_at": {
      "type": "string",
      "format": "date-time"
     }
    }
   },
   "CaseAction": {
    "type": "object",
    "additionalProperties": false,
    "required": [
     "action",
     "version"
    ],
    "properties": {
     "action": {
      "type": "string",
      "enum": [
       "begin_care",
       "begin_identification",
       "begin_assessment",
       "begin_planning",
       "begin_reintegration",
       "begin_monitoring",
       "close",
       "close_lost_contact",
       "reopen",
       "begin_repatriation",
       "complete_repatriation",
       "cancel_repatriation"
      ]
     },
     "version": {
      "type": "integer",
      "description": "The case version that was read."
     },
     "override_reason": {
      "type": "string",
      "description": "As for a record: the centre head passes over refusals that allow it, with this reason."
     }
    }
   },
   "Task": {
    "type": "object",
    "properties": {
     "clause": {
      "type": "string"
     },
     "task": {
      "type": "string"
     },
     "what": {
      "type": "string"
     },
     "record_type": {
      "type": "string",
      "description": "The type of the record that does the task (POST /cases/{case_id}/records): the form it opens."
     },
     "due_at": {
      "type": "string",
      "format": "date-time"
     },
     "overdue": {
      "type": "boolean"
     },
     "about_record_id": {
      "type": "string"
     }
    }
   },
   "InformationCategory": {
    "description": "A category of information about the person, consented to one by one (I.3.b).",
    "type": "string",
    "enum": ["identity", "contact", "health", "psychological", "case_history", "identification", "plan"]
   },
   "Document": {
    "description": "A scanned paper or a photo attached to the case (domain/document.hpp): its bytes are at .../documents/{id}/content, opened only by those on the case, each opening audited. media_type is what its bytes are; category decides whether it may leave in a disclosure (I.3.b). record_id: the record it belongs to, or null for the case.",
    "type": "object",
    "required": ["id", "name", "category", "media_type", "byte_size", "record_id", "recorded_by", "recorded_at"],
    "properties": {
     "id": {"type": "string"},
     "name": {"type": "string"},
     "category": {"$ref": "#/components/schemas/InformationCategory"},
     "media_type": {"type": "string", "enum": ["application/pdf", "image/jpeg", "image/png"]},
     "byte_size": {"type": "integer", "minimum": 1, "maximum": 10485760},
     "record_id": {"type": ["string", "null"]},
     "recorded_by": {"type": "string"},
     "recorded_at": {"type": "string", "format": "date-time"}
    }
   },
   "Draft": {
    "description": "What the reader typed into a form and has not saved (docs/security.md, Drafts). content is absent from the answer to a save.",
    "type": "object",
    "required": [
     "form",
     "saved_at"
    ],
    "properties": {
     "form": {
      "type": "string",
      "pattern": "^[a-z0-9_.-]{1,64}$"
     },
     "content": {
      "type": "object"
     },
     "saved_at": {
      "type": "string",
      "format": "date-time"
     }
    }
   },
   "DraftList": {
    "type": "object",
    "required": [
     "items"
    ],
    "properties": {
     "items": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Draft"
      }
     }
    }
   },
   "Notification": {
    "description": "One of the reader's notifications (app/notifications.hpp): a case code, never a name. kind: assignment (to the case; at: when), crisis (an open II.3.b crisis-intervention task; at: its deadline), overdue (a task past its deadline; at: the deadline), disclosure_request (for the head, waiting for her; record_id: the request), disclosure_decision (on the reader's request; record_id: the request; verdict).",
    "type": "object",
    "required": [
     "key",
     "kind",
     "case_id",
     "case_code",
     "clause",
     "record_id",
     "at",
     "read"
    ],
    "properties": {
     "key": {
      "type": "string"
     },
     "kind": {
      "type": "string",
      "enum": [
       "assignment",
       "crisis",
       "overdue",
       "disclosure_request",
       "disclosure_decision"
      ]
     },
     "case_id": {
      "type": "string"
     },
     "case_code": {
      "type": "string"
     },
     "clause": {
      "type": [
       "string",
       "null"
      ]
     },
     "record_id": {
      "type": [
       "string",
       "null"
      ]
     },
     "verdict": {
      "type": "string",
      "enum": [
       "approve",
       "decline"
      ]
     },
     "at": {
      "type": "string",
      "format": "date-time"
     },
     "read": {
      "type": "boolean"
     }
    }
   },
   "Notifications": {
    "type": "object",
    "required": [
     "unread",
     "items"
    ],
    "properties": {
     "unread": {
      "type": "integer",
      "minimum": 0
     },
     "items": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Notification"
      }
     }
    }
   },
   "TaskList": {
    "type": "object",
    "properties": {
     "items": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Task"
      }
     }
    },
    "required": [
     "items"
    ]
   },
   "RecordPage": {
    "type": "object",
    "required": [
     "items",
     "total"
    ],
    "properties": {
     "items": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/CaseRecord"
      }
     },
     "total": {
      "type": "integer"
     },
     "next": {
      "type": "string"
     }
    }
   },
   "CaseActions": {
    "type": "object",
    "properties": {
     "version": {
      "type": "integer"
     },
     "may_act": {
      "type": "boolean"
     },
     "may_override": {
      "type": "boolean"
     },
     "items": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "action": {
         "type": "string"
        },
        "to": {
         "type": "string"
        },
        "allowed": {
         "type": "boolean"
        },
        "refusals": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/Refusal"
         }
        }
       }
      }
     }
    },
    "required": [
     "version",
     "may_act",
     "may_override",
     "items"
    ]
   },
   "Refusal": {
    "type": "object",
    "description": "A clause of the standards that refuses the step now, and what must happen first, in the request's language.",
    "required": [
     "clause",
     "message",
     "overridable"
    ],
    "properties": {
     "clause": {
      "type": "string"
     },
     "message": {
      "type": "string"
     },
     "overridable": {
      "type": "boolean"
     }
    }
   },
   "DisclosureRequestList": {
    "type": "object",
    "required": ["items"],
    "properties": {
     "items": {
      "type": "array",
      "items": {
       "type": "object",
       "required": ["case_id", "case_code", "request"],
       "properties": {
        "case_id": {"type": "string"},
        "case_code": {"type": "string"},
        "request": {"$ref": "#/components/schemas/CaseRecord", "description": "The disclosure_request record: who asked, when, and the terms."}
       }
      }
     }
    }
   },
   "DisclosureDecisionRequest": {
    "type": "object",
    "required": ["decision"],
    "additionalProperties": false,
    "properties": {
     "decision": {"type": "string", "enum": ["approve", "decline"]},
     "reason": {"type": "string", "maxLength": 1000, "description": "Required to decline: the worker who asked reads it."},
     "language": {"type": "string", "enum": ["vi", "en"], "description": "The language of the package released (default: the reader's)."}
    }
   },
   "DisclosureDecision": {
    "type": "object",
    "required": ["decision", "package"],
    "properties": {
     "decision": {"$ref": "#/components/schemas/CaseRecord", "description": "The disclosure_decision record."},
     "package": {"oneOf": [{"$ref": "#/components/schemas/DisclosurePackage"}, {"type": "null"}], "description": "On approval, the package released (its disclosure_id names the disclosure record); null on a decline."}
    }
   },
   "Dashboard": {
    "type": "object",
    "required": ["generated_at", "open_cases", "by_stage", "overdue_by_clause", "overdue_unassigned", "staff", "trend", "referrals"],
    "properties": {
     "generated_at": {"type": "string", "format": "date-time"},
     "open_cases": {"type": "integer"},
     "by_stage": {"type": "array", "items": {"type": "object", "required": ["stage", "cases"], "properties": {
      "stage": {"type": "string"}, "cases": {"type": "integer"}}}},
     "overdue_by_clause": {"type": "array", "items": {"type": "object", "required": ["clause", "title", "tasks"], "properties": {
      "clause": {"type": "string"}, "title": {"type": "string"}, "tasks": {"type": "integer"}}}},
     "overdue_unassigned": {"type": "integer"},
     "staff": {"type": "array", "items": {"type": "object", "required": ["id", "display_name", "role", "open_cases", "overdue"], "properties": {
      "id": {"type": "string"}, "display_name": {"type": "string"}, "role": {"type": "string"},
      "open_cases": {"type": "integer"}, "overdue": {"type": "integer"}}}},
     "trend": {"type": "object", "required": ["months", "total", "clauses"], "properties": {
      "months": {"type": "array", "items": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"}},
      "total": {"type": "array", "items": {"$ref": "#/components/schemas/DeadlinesKept"}},
      "clauses": {"type": "array", "items": {"type": "object", "required": ["clause", "title", "months"], "properties": {
       "clause": {"type": "string"}, "title": {"type": "string"},
       "months": {"type": "array", "items": {"$ref": "#/components/schemas/DeadlinesKept"}}}}}}},
     "referrals": {"type": "array", "items": {"type": "object", "required": ["provider", "status", "referrals"], "properties": {
      "provider": {"type": "string"}, "status": {"type": "string", "enum": ["sent", "accepted", "declined", "completed"]},
      "referrals": {"type": "integer"}}}}
    }
   },
   "DeadlinesKept": {
    "type": "object",
    "required": ["kept", "late", "overdue"],
    "properties": {"kept": {"type": "integer"}, "late": {"type": "integer"}, "overdue": {"type": "integer"}}
   },
   "StaffingQueue": {
    "type": "object",
    "required": ["cases", "total", "staff"],
    "properties": {
     "cases": {
      "type": "array",
      "items": {
       "type": "object",
       "required": ["id", "code", "stage", "received_at", "staff_on_case", "missing"],
       "properties": {
        "id": {"type": "string"},
        "code": {"type": "string"},
        "stage": {"type": "string"},
        "received_at": {"type": "string", "format": "date-time"},
        "staff_on_case": {"type": "integer", "description": "Enabled accounts on the case; 0: only whoever received the person can open it."},
        "missing": {"type": "array", "items": {"type": "string", "enum": ["case_worker", "counsellor"]}}
       }
      }
     },
     "total": {"type": "integer", "description": "Open cases short of staff in all (the list stops at 200)."},
     "staff": {
      "type": "array",
      "items": {
       "type": "object",
       "required": ["id", "display_name", "role", "screened", "sex", "languages", "open_cases"],
       "properties": {
        "id": {"type": "string"},
        "display_name": {"type": "string"},
        "role": {"type": "string"},
        "screened": {"type": "boolean", "description": "III.1.b: the latest recruitment screening is complete; otherwise an assignment is refused."},
        "sex": {"type": "string"},
        "languages": {"type": "array", "items": {"type": "string"}},
        "open_cases": {"type": "integer"}
       }
      }
     }
    }
   },
   "RecordTypes": {
    "type": "object",
    "description": "Each record type the reader may post, and whether they may add it now: allowed, or refused with every clause that refuses it whatever is written. Types the reader's role never writes are not listed; may_add is false, and items empty, for a role that adds no records.",
    "required": [
     "may_add",
     "items"
    ],
    "properties": {
     "may_add": {
      "type": "boolean"
     },
     "items": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "type",
        "allowed",
        "refusals"
       ],
       "properties": {
        "type": {
         "type": "string"
        },
        "allowed": {
         "type": "boolean"
        },
        "refusals": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/Refusal"
         }
        }
       }
      }
     }
    }
   },
   "Compliance": {
    "type": "object",
    "properties": {
     "items": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "clause": {
         "type": "string"
        },
        "title": {
         "type": "string"
        },
        "state": {
         "type": "string",
         "enum": [
          "met",
          "pending",
          "overdue",
          "not_met",
          "not_applicable"
         ]
        },
        "evidence": {
         "type": "array",
         "items": {
          "type": "string"
         }
        },
        "reason": {
         "type": "string"
        }
       }
      }
     }
    },
    "required": [
     "items"
    ]
   },
   "CaseFile": {
    "type": "object",
    "required": [
     "case",
     "records",
     "actions",
     "tasks",
     "compliance",
     "record_types",
     "documents"
    ],
    "description": "What the case page shows, from one reading of the case: each part is what its own route answers.",
    "properties": {
     "case": {
      "$ref": "#/components/schemas/Case"
     },
     "records": {
      "$ref": "#/components/schemas/RecordPage"
     },
     "actions": {
      "$ref": "#/components/schemas/CaseActions"
     },
     "tasks": {
      "$ref": "#/components/schemas/TaskList"
     },
     "compliance": {
      "$ref": "#/components/schemas/Compliance"
     },
     "record_types": {
      "$ref": "#/components/schemas/RecordTypes"
     },
     "documents": {
      "type": "array",
      "description": "The case's documents, oldest first.",
      "items": {"$ref": "#/components/schemas/Document"}
     }
    }
   },
   "CaseList": {
    "type": "object",
    "required": [
     "items",
     "total"
    ],
    "properties": {
     "total": {
      "type": "integer"
     },
     "items": {
      "type": "array",
      "items": {
       "type": "object",
       "properties": {
        "id": {
         "type": "string"
        },
        "code": {
         "type": "string"
        },
        "on_case": {
         "type": "boolean",
         "description": "Whether the reader is on the case (I.3.c). A centre head's list holds every case of the centre; where she is not on one, its name, alias flag and sex are null."
        },
        "name": {
         "type": [
          "string",
          "null"
         ]
        },
        "name_is_alias": {
         "type": [
          "boolean",
          "null"
         ]
        },
        "sex": {
         "type": [
          "string",
          "null"
         ]
        },
        "treated_as_child": {
         "type": "boolean"
        },
        "stage": {
         "type": "string"
        },
        "received_at": {
         "type": "string",
         "format": "date-time"
        }
       }
      }
     }
    }
   },
   "NewCaseRecordEnvelope": {
    "type": "object",
    "required": [
     "type",
     "occurred_at",
     "body"
    ],
    "properties": {
     "occurred_at": {
      "type": "string",
      "format": "date-time",
      "description": "Not in the future, not before the reception."
     },
     "override_reason": {
      "type": "string",
      "description": "The centre head passes over refusals that allow judgement (II.6.a, II.6.b, I.1.c, I.2.b, II.1.b) with this reason; the override is recorded and counts as not met. Anyone else gets 403."
     }
    }
   },
   "NewCentreRecordEnvelope": {
    "type": "object",
    "required": [
     "type",
     "occurred_at",
     "body"
    ],
    "properties": {
     "occurred_at": {
      "type": "string",
      "format": "date-time"
     },
     "subject": {
      "type": "string"
     }
    }
   }
  }
 }
})json";

json::value schema_value(std::string_view text) {
  if (text.starts_with("#/")) return json::object{{"$ref", text}};
  return json::parse(text);
}

json::object problem_ref() {
  return {{"$ref", "#/components/responses/Problem"}};
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::set<int> error_statuses(const RouteSpec& route, bool has_query) {
  std::set<int> statuses;
  if (route.access == Access::signed_in) statuses.insert({401, 403});
  if (route.path.find('{') != std::string_view::npos) statuses.insert(404);
  if (route.permission.scope != CaseScope::none) statuses.insert({404, 410});
  if (!route.doc.request.empty()) statuses.insert({400, 413, 422});
  if (route.body == BodyKind::document) statuses.insert(415);
  if (has_query) statuses.insert(422);
  std::string_view more = route.doc.refusals;
  while (!more.empty()) {
    const auto space = more.find(' ');
    statuses.insert(std::stoi(std::string(more.substr(0, space))));
    more = space == std::string_view::npos ? std::string_view{} : more.substr(space + 1);
  }
  return statuses;
}

json::array path_parameters(std::string_view path) {
  json::array out;
  for (std::size_t open = path.find('{'); open != std::string_view::npos; open = path.find('{', open + 1)) {
    const auto name = path.substr(open + 1, path.find('}', open) - open - 1);
    if (name == "case_id") {
      out.push_back(json::object{{"$ref", "#/components/parameters/CaseId"}});
    } else {
      out.push_back(json::object{{"name", name}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}});
    }
  }
  return out;
}

// Who may call the route, from the permission table (app/permissions.cpp), for a reader of the
// document: the server checks the same spec.
json::object permission_of(const RouteSpec& route) {
  constexpr std::string_view kScopes[] = {"none", "case_file", "case_manage"};
  json::object out{{"case_scope", kScopes[static_cast<int>(route.permission.scope)]},
                   {"before_two_step_setup", route.permission.before_second_factor}};
  if (!route.permission.action) {
    out["action"] = nullptr;  // any signed-in user, about their own session
    return out;
  }
  for (const auto& p : app::permission_table()) {
    if (p.action != *route.permission.action) continue;
    json::array roles;
    const std::pair<bool, std::string_view> by_role[] = {
        {p.administrator, "administrator"}, {p.centre_head, "centre_head"}, {p.case_worker, "case_worker"},
        {p.counsellor, "counsellor"},       {p.auditor, "auditor"},         {p.external_provider, "external_provider"}};
    for (const auto& [allowed, role] : by_role) {
      if (allowed) roles.emplace_back(role);
    }
    out["action"] = p.name;
    out["roles"] = std::move(roles);
  }
  return out;
}

// The same schema under each of `media` (space-separated; none: application/json).
json::object content_of(std::string_view schema, std::string_view media) {
  json::object out;
  if (media.empty()) media = "application/json";
  while (!media.empty()) {
    const auto space = media.find(' ');
    out[media.substr(0, space)] = {{"schema", schema_value(schema)}};
    media = space == std::string_view::npos ? std::string_view{} : media.substr(space + 1);
  }
  return out;
}

json::object operation(const RouteSpec& route) {
  json::object op{{"operationId", route.operation_id}, {"summary", route.doc.summary}};
  if (route.access == Access::signed_in) {
    op["security"] = json::array{json::object{{"session", json::array{}}}};
    op["x-haven-permission"] = permission_of(route);
  }
  json::array parameters = path_parameters(route.path);
  bool has_query = false;
  if (!route.doc.parameters.empty()) {
    json::value listed = json::parse(route.doc.parameters);
    for (auto& p : listed.as_array()) {
      if (p.is_object() && p.as_object().contains("in") && p.at("in") == "query") has_query = true;
      parameters.push_back(std::move(p));
    }
  }
  if (route.replay) parameters.push_back(json::object{{"$ref", "#/components/parameters/IdempotencyKey"}});
  if (!parameters.empty()) op["parameters"] = std::move(parameters);
  if (!route.doc.request.empty()) {
    op["requestBody"] = {{"required", true}, {"content", content_of(route.doc.request, route.doc.request_media)}};
  }
  json::object success{{"description", route.doc.answer}};
  if (!route.doc.response.empty()) success["content"] = content_of(route.doc.response, route.doc.response_media);
  if (!route.doc.headers.empty()) success["headers"] = json::parse(route.doc.headers);
  json::object responses;
  responses[std::to_string(static_cast<int>(route.doc.status))] = std::move(success);
  for (const int status : error_statuses(route, has_query)) responses[std::to_string(status)] = problem_ref();
  op["responses"] = std::move(responses);
  return op;
}

json::object schema_ref(const std::string& schema) {
  return {{"$ref", "#/components/schemas/" + schema}};
}

// What every record carries as answered, a case's or a centre's (domain::Record<Body>): one
// envelope, the centre's with the staff member a record is about.
json::object answered_envelope(std::string_view description, bool with_subject) {
  const json::object date_time{{"type", "string"}, {"format", "date-time"}};
  json::object properties{{"id", {{"type", "string"}}},
                          {"occurred_at", date_time},
                          {"recorded_at", date_time},
                          {"recorded_by", {{"type", "string"}}},
                          {"version", {{"type", "integer"}}}};
  json::array required{"id", "type", "occurred_at", "recorded_at", "recorded_by", "version", "body"};
  if (with_subject) {
    properties["subject"] = {{"type", "string"},
                             {"description", "The staff member a staff record is about; empty for the centre."}};
    required.push_back("subject");
  }
  return {{"type", "object"}, {"description", description}, {"required", std::move(required)},
          {"properties", std::move(properties)}};
}

// For each record family ("Record" for a case's, "CentreRecord" for a centre's): the body of each
// type, a record of each type as answered and as posted, and the two oneOf with `type` as the
// discriminator. Posted only for the types staff post.
template <class ForEachBody>
void add_record_schemas(json::object& schemas, std::string_view family, std::string_view envelope,
                        std::string_view posted_envelope, ForEachBody for_each_body) {
  json::array answered, posted;
  json::object answered_map, posted_map;
  const std::string prefix(family);
  for_each_body([&](std::string_view type, domain::Origin origin, json::object body) {
    const std::string name(type);
    schemas[prefix + "Body." + name] = std::move(body);
    json::object typed{{"type", "object"},
                       {"required", json::array{"type", "body"}},
                       {"properties", {{"type", {{"const", type}}}, {"body", schema_ref(prefix + "Body." + name)}}}};
    json::object record{{"allOf", json::array{schema_ref(std::string(envelope)), typed}}};
    schemas[prefix + "." + name] = std::move(record);
    answered.push_back(schema_ref(prefix + "." + name));
    answered_map[type] = "#/components/schemas/" + prefix + "." + name;
    if (origin != domain::Origin::posted) return;
    // Closed, as the reader is: what neither part names is refused.
    json::object new_record{{"allOf", json::array{schema_ref(std::string(posted_envelope)), typed}},
                            {"unevaluatedProperties", false}};
    schemas["New" + prefix + "." + name] = std::move(new_record);
    posted.push_back(schema_ref("New" + prefix + "." + name));
    posted_map[type] = "#/components/schemas/New" + prefix + "." + name;
  });
  schemas[prefix] = {{"oneOf", std::move(answered)},
                     {"discriminator", {{"propertyName", "type"}, {"mapping", std::move(answered_map)}}}};
  schemas["New" + prefix] = {{"oneOf", std::move(posted)},
                             {"discriminator", {{"propertyName", "type"}, {"mapping", std::move(posted_map)}}}};
}

std::string build() {
  json::object document = json::parse(kShared).as_object();
  auto& schemas = document["components"].as_object()["schemas"].as_object();
  schemas["CaseRecordEnvelope"] =
      answered_envelope("What every case record carries; its type and body follow from the record's type.", false);
  schemas["CentreRecordEnvelope"] = answered_envelope(
      "What every centre record carries; its type and body follow from the record's type.", true);
  add_record_schemas(schemas, "CaseRecord", "CaseRecordEnvelope", "NewCaseRecordEnvelope",
                     [](auto visit) { codec::for_each_record_body_schema(visit); });
  add_record_schemas(schemas, "CentreRecord", "CentreRecordEnvelope", "NewCentreRecordEnvelope",
                     [](auto visit) { codec::for_each_centre_record_body_schema(visit); });
  json::object paths;
  for (const auto& route : api_routes()) {
    auto& item = paths[route.path];
    if (item.is_null()) item = json::object{};
    item.as_object()[lower(beast_http::to_string(route.method))] = operation(route);
  }
  document["paths"] = std::move(paths);
  return json::serialize(document);
}

}  // namespace

const std::string& openapi_document() {
  static const std::string document = build();
  return document;
}

}  // namespace haven::http
