// The OpenAPI 3.1 description of every route the server has. tests/http/openapi_test.cpp checks that
// the paths and methods here are exactly the router's: a route added without its description fails.
#include "http/handlers/handlers.hpp"

namespace haven::http {

std::string_view openapi_document() {
  return R"json({
  "openapi": "3.1.0",
  "info": {
    "title": "Haven API",
    "version": "1",
    "description": "Case management for services to victims of human trafficking, following the Minimum Standards (Viet Nam, 2011). Errors are RFC 9457 problem+json with a stable code, the field where one applies, the clause a refusal enforces, and a message in the language of Accept-Language (vi by default, or en)."
  },
  "servers": [{"url": "/"}],
  "components": {
    "securitySchemes": {
      "session": {"type": "apiKey", "in": "cookie", "name": "haven_session", "description": "Set by POST /api/v1/session; HttpOnly, SameSite=Strict. A change also needs the X-CSRF-Token header (SignedIn.csrf_token). Named __Host-haven_session, with Secure, when the server runs with --secure-cookies behind HTTPS."}
    },
    "parameters": {
      "AcceptLanguage": {"name": "Accept-Language", "in": "header", "required": false, "schema": {"type": "string", "examples": ["vi", "en"]}},
      "CaseId": {"name": "case_id", "in": "path", "required": true, "schema": {"type": "string"}}
    },
    "responses": {
      "Problem": {"description": "An error", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
    },
    "schemas": {
      "Problem": {
        "type": "object",
        "required": ["type", "title", "status", "detail", "code"],
        "properties": {
          "type": {"type": "string"},
          "title": {"type": "string"},
          "status": {"type": "integer"},
          "detail": {"type": "string", "description": "What happened and what to do, in the request's language."},
          "code": {"type": "string", "enum": ["malformed_request", "malformed_json", "invalid_utf8", "wrong_type", "unknown_field", "missing_field", "validation_failed", "payload_too_large", "unsupported_media_type", "headers_too_large", "unauthenticated", "invalid_credentials", "second_factor_required", "forbidden", "not_found", "gone", "method_not_allowed", "version_conflict", "guard_refused", "already_exists", "rate_limited", "busy", "unavailable", "internal"]},
          "field": {"type": "string", "description": "Dotted path of the offending field, e.g. person.birth_date."},
          "clause": {"type": "string", "description": "The clause of the Minimum Standards the refusal enforces, e.g. II.1.a."},
          "current_version": {"type": "integer", "description": "With version_conflict: the record's version now."}
        }
      },
      "DisclosurePackageRequest": {
        "type": "object", "additionalProperties": false, "required": ["disclosure"],
        "properties": {
          "disclosure": {"type": "object", "description": "As the disclosure record's body: kind (export_file, print, referral_package, family_information, agency_information, identification_cooperation), recipient, purpose, categories[] (at least one), reason, referral_id (a referral package's)."},
          "language": {"type": "string", "enum": ["vi", "en"], "description": "The language of the headings; by default the request's."}}
      },
      "DisclosurePackage": {
        "type": "object",
        "properties": {
          "preview": {"type": "boolean"}, "ready": {"type": "boolean", "description": "Nothing in the gate stands in the way (a preview)."},
          "refusals": {"type": "array", "items": {"type": "object", "properties": {"clause": {"type": "string"}, "message": {"type": "string"}}}},
          "disclosure_id": {"type": ["string", "null"]}, "language": {"type": "string"}, "title": {"type": "string"}, "notice": {"type": "string"},
          "kind": {"type": "string"}, "recipient": {"type": "string"}, "purpose": {"type": "string"},
          "categories": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}, "label": {"type": "string"}}}},
          "generated_at": {"type": "string", "format": "date-time"},
          "case": {"type": "object", "description": "code always; person with identity; reception and stage with case_history."},
          "records": {"type": "array", "items": {"type": "object", "description": "A record of a requested category, with its category."}}}
      },
      "SignInRequest": {
        "type": "object", "additionalProperties": false, "required": ["username", "password"],
        "properties": {"username": {"type": "string", "maxLength": 64, "description": "A longer name is no one's: it is answered 401 without a password being checked, and counted and audited like every attempt."}, "password": {"type": "string", "maxLength": 128},
          "code": {"type": "string", "maxLength": 16, "description": "The 6-digit code of the authenticator app, for an account with two-step sign-in on. Without it the answer is 401 second_factor_required; a wrong or already used code is 401 invalid_credentials with field code, and counts as a failed attempt."}}
      },
      "SignedIn": {
        "type": "object", "required": ["user", "csrf_token"],
        "properties": {"user": {"type": "object", "required": ["id", "username", "display_name", "role", "centre"], "properties": {
          "id": {"type": "string"}, "username": {"type": "string"}, "display_name": {"type": "string"},
          "role": {"type": "string", "enum": ["administrator", "centre_head", "case_worker", "counsellor", "auditor", "external_provider"]},
          "centre": {"oneOf": [{"type": "null"}, {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"}}}]},
          "confirmed": {"type": "boolean", "description": "False for an account made through the API that nobody other than its maker has confirmed: every route but the session's own and the two-step set-up answers 403 until then."}
        }},
        "csrf_token": {"type": "string", "description": "The session's anti-forgery token: every request that changes something (POST, PUT, PATCH, DELETE) while signed in carries it in the X-CSRF-Token header, or is refused with 403."},
        "second_factor": {"type": "object", "required": ["enabled", "setup_required"], "properties": {
          "enabled": {"type": "boolean", "description": "Two-step sign-in (TOTP) is on for this account."},
          "setup_required": {"type": "boolean", "description": "The role must use two-step sign-in (administrators and centre heads) and it is not set up: until it is, every route but the session's and the set-up's answers 403."}}}}
      },
      "Reception": {
        "type": "object", "additionalProperties": false, "description": "The reception record of clause II.1.a.",
        "required": ["received_at", "referral_channel", "referring_authority", "legal_basis"],
        "properties": {
          "received_at": {"type": "string", "format": "date-time", "description": "UTC, not in the future."},
          "referral_channel": {"type": "string", "enum": ["police", "border_guard", "social_welfare", "ngo", "hotline", "self", "family", "other"]},
          "referring_authority": {"type": "string", "maxLength": 300},
          "legal_basis": {"type": "string", "maxLength": 300},
          "documents": {"type": "array", "maxItems": 50, "items": {"type": "string", "maxLength": 300}}
        }
      },
      "Person": {
        "type": "object", "additionalProperties": false,
        "required": ["name", "name_is_alias", "sex", "suspected_child", "nationality", "languages", "preferred_staff_gender"],
        "properties": {
          "name": {"type": "string", "maxLength": 200, "description": "Name or alias: letters, digits, spaces and ' - . only."},
          "name_is_alias": {"type": "boolean"},
          "sex": {"type": "string", "enum": ["female", "male", "other", "unknown"]},
          "birth_date": {"type": ["string", "null"], "format": "date", "description": "Not in the future."},
          "estimated_age": {"type": ["integer", "null"], "minimum": 0, "maximum": 120, "description": "Whole years, estimated on the day of reception."},
          "suspected_child": {"type": "boolean", "description": "II.2.d: with no birth date, the person is treated as a child."},
          "nationality": {"type": "string", "pattern": "^[A-Z]{2}$"},
          "languages": {"type": "array", "minItems": 1, "maxItems": 10, "items": {"type": "string"}},
          "preferred_staff_gender": {"type": "string", "enum": ["female", "male", "any"], "description": "I.2.b"}
        }
      },
      "NewCase": {
        "type": "object", "additionalProperties": false, "required": ["reception", "person"],
        "properties": {"reception": {"$ref": "#/components/schemas/Reception"}, "person": {"$ref": "#/components/schemas/Person"}}
      },
      "ReceptionUpdate": {
        "type": "object", "additionalProperties": false, "required": ["version", "reception"],
        "properties": {"version": {"type": "integer", "description": "The case version that was read."}, "reception": {"$ref": "#/components/schemas/Reception"}}
      },
      "Case": {
        "type": "object",
        "required": ["id", "code", "stage", "version", "created_at", "updated_at", "person", "reception"],
        "properties": {
          "id": {"type": "string"},
          "code": {"type": "string", "pattern": "^HV-[0-9A-Z]{4}-[0-9A-Z]{4}$"},
          "stage": {"type": "string", "enum": ["received", "in_care", "identification", "assessment", "planning", "reintegration", "monitoring", "closed", "repatriation"]},
          "version": {"type": "integer"},
          "created_at": {"type": "string", "format": "date-time"},
          "updated_at": {"type": "string", "format": "date-time"},
          "person": {"allOf": [{"$ref": "#/components/schemas/Person"}], "properties": {"treated_as_child": {"type": "boolean"}}},
          "reception": {"allOf": [{"$ref": "#/components/schemas/Reception"}], "properties": {"recorded_by": {"type": "object", "properties": {"id": {"type": "string"}, "display_name": {"type": "string"}}}}},
          "access": {"type": ["object", "null"], "description": "Why the reader may open the case (I.3.c): on_case (assigned or designated), received (who received the person, until the first assignment) or break_glass (the centre head's emergency opening, until the time given). Null when the centre head acts on a case she is not on (an assignment, a transfer).",
            "properties": {"via": {"type": "string", "enum": ["on_case", "received", "break_glass"]}, "until": {"type": ["string", "null"], "format": "date-time"}}},
          "staff_on_case": {"type": "array", "items": {"type": "string"}, "description": "The staff IDs on the case now, as its records say (assigned or designated, not since released), in the order they joined; empty before the first assignment, when the one who received the person is on it."},
          "designated_staff": {"type": ["string", "null"], "description": "The member of staff the victim designated (II.1.d), while still on the case."}
        }
      },
      "CaseRecord": {
        "type": "object", "required": ["id", "type", "occurred_at", "recorded_at", "recorded_by", "version", "body"],
        "properties": {
          "id": {"type": "string"},
          "type": {"type": "string", "enum": ["intake_assessment", "orientation", "information_provided", "child_information_decision", "health_check", "counselling_session", "crisis_intervention", "identification_interview", "return_risk_assessment", "closure_checklist", "contact_attempt", "recovery_assessment", "location_safety_assessment", "reintegration_decision", "reintegration_plan", "follow_up_contact", "consultation", "essential_needs", "referral", "referral_update", "complaint", "complaint_resolution", "safety_guidance", "identified_need", "need_addressed", "repatriation_wish", "repatriation_safety_assessment", "disadvantage_noted", "expert_and_family_consultation", "provider_list_given", "consent", "consent_withdrawal", "disclosure", "staff_assignment", "staff_assignment_ended", "designated_staff", "guard_override", "follow_up_schedule", "break_glass", "legal_hold", "legal_hold_lifted"]},
          "occurred_at": {"type": "string", "format": "date-time"},
          "recorded_at": {"type": "string", "format": "date-time"},
          "recorded_by": {"type": "string"},
          "version": {"type": "integer"},
          "body": {"type": "object", "description": "The record's fields, by type: intake_assessment {physical, mental, psychological, immediate_safety_risk} (I.1.b); orientation {layout, rules, necessary_information} (II.1.c); information_provided {language, format: verbal|written|interpreter|easy_read|sign_language, services, reintegration_process, given_to_relatives} (I.4.a); child_information_decision {decision} (I.4.b); health_check {by_medical_staff, findings}; counselling_session {condition_observed, crisis} (II.3.a, II.3.b); crisis_intervention {action_taken} (II.3.b); identification_interview {place, people_present, interpreter, environment_notes} (II.2.b, guarded by II.1.e); return_risk_assessment {level: low|medium|high, findings} (II.4.b); closure_checklist {health_improved, psychological_condition_stable, confident_in_family_and_community, economic_prospects_assessed, discrimination_risks_assessed, victim_views, victim_agreed} (II.8.c, I.4.c, I.5.b); contact_attempt {channel: phone|visit|message|family|local_authority|service_provider, reached, notes} (II.8.d); recovery_assessment {findings, expert_advice} (II.6.b, II.7.b); location_safety_assessment {place, safe, findings} (II.7.b, I.1.a); reintegration_decision {destination: own_family|new_family|new_community, chosen_by_victim, victim_views, safety_reason} (II.7.a, I.4.c, I.5.b, I.5.d: a child's choice overruled only for safety, with the reason); reintegration_plan {final, purposes, challenges, procedures, time_frame, providers[], strengths, abilities, aspirations, resources, risk_assessment_id, victim_participated, victim_views, actions[{need_id, need, action}], education} (II.4.c, II.5.a-e, II.7.c, I.4.c, I.5.b; each version a new record); follow_up_contact {channel, notes} (II.8.a); consultation {condition_observed, victim_views} (I.2.c, I.4.c); essential_needs {food, shelter, clothing, medical_care} (II.2.c); referral {provider, services, victim_opinion, victim_agreed, expert_advice} (II.6.b, II.6.c); referral_update {referral_id, status: sent|accepted|declined|completed, outcome} (II.6.e); complaint {summary} and complaint_resolution {complaint_id, resolution} (I.1.d); safety_guidance {to_victim, to_family, to_others, child_appropriate, topics} (I.1.c); identified_need {need} and need_addressed {need_id, response: delivered|referred, service} (I.2.a); repatriation_wish {wishes_to_return, consular_contact, victim_views} and repatriation_safety_assessment {country, safe, findings} (I.5.a); disadvantage_noted {physical, mental, notes} and expert_and_family_consultation {expert, relatives, advice} (I.5.c); provider_list_given {language} (II.6.a); consent {given_by: victim|guardian|legal_representative, categories[], recipient, purposes[], expires_at, informed} and consent_withdrawal {consent_id} (I.3.b, I.3.d); disclosure {kind: export_file|print|referral_package|family_information|agency_information|identification_cooperation|case_transfer, recipient, purpose, categories[], reason, referral_id}, recorded by the centre head within a consent in force (I.3.a, I.3.b, I.3.d, II.2.a, II.6.d, II.8.e). staff_assignment {staff_id, no_conflict_of_interest, matching_reason} and staff_assignment_ended {staff_id, reason} (III.1.b, III.2.c, I.2.b, II.1.b); designated_staff {staff_id, no_conflict_of_interest} (II.1.d, III.2.c: the victim's choice, which replaces the one before); all three recorded by the centre head only, and never naming the author (I.3.c: nobody puts themselves on a case); follow_up_schedule {interval_days (1 to 365), reason} (II.8.b, the case's own follow-up interval); guard_override {clauses[], what, reason}, written by the server when the centre head passes over a refusal with a reason, never posted; break_glass {reason, until}, written by the server when the centre head opens a case she is not on (I.3.c), never posted; legal_hold {authority, reason} and legal_hold_lifted {hold_id, reason}, written by the server when the centre head places or lifts a legal hold, never posted. Counselling sessions and identification interviews are recorded only by staff qualified for them (I.2.d). Categories: identity, contact, health, psychological, case_history, identification, plan. Purposes: referral, identification, family_reunification, legal_proceedings, repatriation, other. reintegration_plan actions are [{need_id, need, action}]; a final plan's need_id names an identified_need (II.5.c). Unknown fields are refused."}
        }
      },
      "Account": {
        "type": "object", "description": "A staff account as an administrator or its centre's head sees it: never its password hash or activation code.",
        "properties": {"id": {"type": "string"}, "username": {"type": "string"}, "display_name": {"type": "string"}, "role": {"type": "string"}, "centre_id": {"type": ["string", "null"]}, "organisation": {"type": "string"}, "disabled": {"type": "boolean"}, "second_factor": {"type": "boolean"}, "created_at": {"type": "string", "format": "date-time"},
          "created_by": {"type": ["string", "null"], "description": "Who made it through the API; null: at the server's command line."},
          "activated": {"type": "boolean", "description": "Its owner set the password with the activation code."},
          "activation_expires_at": {"type": ["string", "null"], "format": "date-time"},
          "confirmed": {"type": "boolean", "description": "Confirmed by someone other than its maker (or made at the command line); until then it reaches only its own sign-in set-up."},
          "confirmed_by": {"type": ["string", "null"]}, "confirmed_at": {"type": ["string", "null"], "format": "date-time"}}
      },
      "ActivationCode": {
        "type": "object", "description": "A one-time code that lets the account's owner set its password; shown once, valid 7 days.",
        "properties": {"code": {"type": "string", "description": "Three groups of five Crockford base-32 characters."}, "expires_at": {"type": "string", "format": "date-time"}}
      },
      "CentreRecord": {
        "type": "object", "required": ["id", "type", "subject", "occurred_at", "recorded_at", "recorded_by", "version", "body"],
        "properties": {
          "id": {"type": "string"},
          "type": {"type": "string", "enum": ["staff_qualification", "staff_training", "recruitment_screening", "supervision_check_in", "staff_matching", "facilities_checklist", "service_provider"]},
          "subject": {"type": "string", "description": "The staff member a staff record is about; empty for the centre."},
          "occurred_at": {"type": "string", "format": "date-time"},
          "recorded_at": {"type": "string", "format": "date-time"},
          "recorded_by": {"type": "string"},
          "version": {"type": "integer"},
          "body": {"type": "object", "description": "By type: staff_qualification {qualification: counselling|identification_interview|social_work|medical|legal, title, issued_by} (I.2.d); staff_training {topic: recovery|law|child_protection|trauma_care|other, course, hours} (III.2.b); recruitment_screening {ability, qualifications, moral_standing, judicial_record_checked, notes} (III.1.b); supervision_check_in {notes, support_offered} (III.1.c); staff_matching {sex, languages[]} (I.2.b, II.1.b); facilities_checklist {safe_and_secure, separate_sleeping_areas, private_counselling_room, health_care_access, accessible, notes} (III.1.a); service_provider {name, services, contact, address, last_verified (date)} (II.6.a)."}
        }
      },
      "NewCentreRecord": {
        "type": "object", "additionalProperties": false, "required": ["type", "occurred_at", "body"],
        "properties": {"type": {"type": "string"}, "occurred_at": {"type": "string", "format": "date-time"}, "subject": {"type": "string"}, "body": {"type": "object"}}
      },
      "NewRecord": {
        "type": "object", "additionalProperties": false, "required": ["type", "occurred_at", "body"],
        "properties": {"type": {"type": "string"}, "occurred_at": {"type": "string", "format": "date-time", "description": "Not in the future, not before the reception."}, "body": {"type": "object"}, "override_reason": {"type": "string", "description": "The centre head passes over refusals that allow judgement (II.6.a, II.6.b, I.1.c, I.2.b, II.1.b) with this reason; the override is recorded and counts as not met. Anyone else gets 403."}}
      },
      "CaseAction": {
        "type": "object", "additionalProperties": false, "required": ["action", "version"],
        "properties": {
          "action": {"type": "string", "enum": ["begin_care", "begin_identification", "begin_assessment", "begin_planning", "begin_reintegration", "begin_monitoring", "close", "close_lost_contact", "reopen", "begin_repatriation", "complete_repatriation", "cancel_repatriation"]},
          "version": {"type": "integer", "description": "The case version that was read."},
          "override_reason": {"type": "string", "description": "As for a record: the centre head passes over refusals that allow it, with this reason."}
        }
      },
      "CaseList": {
        "type": "object", "required": ["items", "total"],
        "properties": {
          "total": {"type": "integer"},
          "items": {"type": "array", "items": {"type": "object", "properties": {
            "id": {"type": "string"}, "code": {"type": "string"},
            "on_case": {"type": "boolean", "description": "Whether the reader is on the case (I.3.c). A centre head's list holds every case of the centre; where she is not on one, its name, alias flag and sex are null."},
            "name": {"type": ["string", "null"]}, "name_is_alias": {"type": ["boolean", "null"]},
            "sex": {"type": ["string", "null"]}, "treated_as_child": {"type": "boolean"}, "stage": {"type": "string"}, "received_at": {"type": "string", "format": "date-time"}
          }}}
        }
      }
    }
  },
  "paths": {
    "/api/v1/health": {
      "get": {"operationId": "getHealth", "summary": "Checks that the server can reach its store.", "responses": {
        "200": {"description": "Healthy", "content": {"application/json": {"schema": {"type": "object", "properties": {"status": {"const": "ok"}, "store": {"type": "string"}}}}}},
        "503": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/v1/version": {
      "get": {"operationId": "getVersion", "summary": "The server's version.", "responses": {
        "200": {"description": "Version", "content": {"application/json": {"schema": {"type": "object", "properties": {"version": {"type": "string"}, "api": {"type": "string"}}}}}}}}
    },
    "/api/v1/openapi.json": {
      "get": {"operationId": "getOpenApi", "summary": "This document.", "responses": {"200": {"description": "OpenAPI 3.1 document"}}}
    },
    "/api/v1/session": {
      "post": {"operationId": "createSession", "summary": "Sign in; sets the session cookie and answers the session's anti-forgery token. After 100 failed attempts for one account in an hour, or 50 from one client address in 15 minutes, every attempt answers 429 rate_limited, even with the right password, until the window has passed; an attempt is counted before its password is checked, so that attempts sent together cannot pass the limit. When too many sign-ins wait for their passwords to be checked, 503 busy at once (not counted). Every attempt is audited, whatever its shape.", "parameters": [{"$ref": "#/components/parameters/AcceptLanguage"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SignInRequest"}}}},
        "responses": {"200": {"description": "Signed in", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SignedIn"}}}},
          "401": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}, "429": {"$ref": "#/components/responses/Problem"}, "503": {"$ref": "#/components/responses/Problem"}}},
      "get": {"operationId": "getSession", "summary": "Who is signed in.", "security": [{"session": []}],
        "responses": {"200": {"description": "Signed in", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SignedIn"}}}},
          "401": {"$ref": "#/components/responses/Problem"}}},
      "delete": {"operationId": "deleteSession", "summary": "Sign out.", "security": [{"session": []}],
        "responses": {"204": {"description": "Signed out"}, "401": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/v1/session/second-factor": {
      "post": {"operationId": "startSecondFactor", "summary": "Start setting up two-step sign-in (TOTP, RFC 6238: HMAC-SHA1, 6 digits, 30 seconds) for the signed-in account: a new secret, shown once, as base32 and as an otpauth:// URI for a QR code. The password is asked again; a wrong one counts as a failed sign-in. 409 when two-step sign-in is already on (an administrator resets it). Audited.", "security": [{"session": []}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "additionalProperties": false, "required": ["password"], "properties": {"password": {"type": "string"}}}}}},
        "responses": {"201": {"description": "The new secret, not yet in use", "content": {"application/json": {"schema": {"type": "object", "properties": {"secret": {"type": "string"}, "otpauth_uri": {"type": "string"}}}}}},
          "401": {"$ref": "#/components/responses/Problem"}, "409": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}, "429": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/v1/session/second-factor/confirm": {
      "post": {"operationId": "confirmSecondFactor", "summary": "Turn two-step sign-in on with a first code from the app; the code is then used up. This session may work from now on; the staff member's other sessions still waiting for it end (one may hold a stolen password). Audited.", "security": [{"session": []}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "additionalProperties": false, "required": ["code"], "properties": {"code": {"type": "string"}}}}}},
        "responses": {"200": {"description": "Two-step sign-in is on"}, "401": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"},
          "409": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/v1/cases": {
      "get": {"operationId": "listCases", "summary": "The cases the signed-in staff member is on, newest reception first (I.3.c). The centre head sees every case of the centre, so that she can assign its staff, but a person's name only on the cases she is on; a name search finds only those.", "security": [{"session": []}],
        "parameters": [
          {"name": "q", "in": "query", "required": false, "schema": {"type": "string", "maxLength": 200}, "description": "Words to find in names or case codes; diacritics and case are ignored (\"dang\" finds \"Đặng\"). A word finds a name by a whole word or the start of one of three letters or more (\"nguy\" finds \"Nguyễn\", \"le\" finds \"Lê\"), since names are stored encrypted and searched through keyed tokens; a case code by any part of it."},
          {"name": "stage", "in": "query", "required": false, "schema": {"type": "string", "enum": ["received", "in_care", "identification", "assessment", "planning", "reintegration", "monitoring", "closed", "repatriation"]}, "description": "Only the cases at this stage."},
          {"name": "mine", "in": "query", "required": false, "schema": {"type": "boolean", "default": false}, "description": "Only the cases the reader is on (the centre head's list otherwise holds the whole centre's)."},
          {"name": "child", "in": "query", "required": false, "schema": {"type": "boolean", "default": false}, "description": "Only the cases of a person treated as a child today (II.2.d), as each item's treated_as_child says."},
          {"name": "overdue", "in": "query", "required": false, "schema": {"type": "boolean", "default": false}, "description": "Only the cases with something overdue today, as the case's compliance says; always among the reader's own cases, the head's too (a case's compliance is for those on it, I.3.c)."},
          {"name": "limit", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 1, "maximum": 200, "default": 50}},
          {"name": "offset", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 0, "default": 0}}],
        "responses": {"200": {"description": "A page of cases", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CaseList"}}}},
          "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}},
      "post": {"operationId": "registerCase", "summary": "Register a person at reception (II.1.a) and open their case.", "security": [{"session": []}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewCase"}}}},
        "responses": {"201": {"description": "The new case", "headers": {"Location": {"schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Case"}}}},
          "400": {"$ref": "#/components/responses/Problem"}, "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"},
          "413": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/v1/cases/{case_id}": {
      "get": {"operationId": "getCase", "summary": "One case of the staff member's centre. Only the staff on the case, whoever received the person until the first assignment, and the centre head during a break-glass may open it (I.3.c, after the recruitment screening of III.1.b); anyone else gets 403 with the clause, and the attempt is audited. Every read is audited.", "security": [{"session": []}],
        "parameters": [{"$ref": "#/components/parameters/CaseId"}],
        "responses": {"200": {"description": "The case", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Case"}}}},
          "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}, "410": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/v1/cases/{case_id}/reception": {
      "put": {"operationId": "updateReception", "summary": "Correct the reception record; answers 409 with current_version when the case changed since it was read.", "security": [{"session": []}],
        "parameters": [{"$ref": "#/components/parameters/CaseId"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ReceptionUpdate"}}}},
        "responses": {"200": {"description": "The updated case", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Case"}}}},
          "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}, "410": {"$ref": "#/components/responses/Problem"},
          "409": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/v1/cases/{case_id}/records": {
      "get": {"operationId": "listRecords", "summary": "The case's records, in the order they happened, a page at a time: limit of them (1 to 500, 200 by default) after the record named by after (from the first when not given). next names the page's last record when more follow; total counts them all.", "security": [{"session": []}],
        "parameters": [{"$ref": "#/components/parameters/CaseId"}, {"name": "after", "in": "query", "required": false, "schema": {"type": "string"}}, {"name": "limit", "in": "query", "required": false, "schema": {"type": "integer", "minimum": 1, "maximum": 500}}],
        "responses": {"200": {"description": "A page of records", "content": {"application/json": {"schema": {"type": "object", "required": ["items", "total"], "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/CaseRecord"}}, "total": {"type": "integer"}, "next": {"type": "string"}}}}}},
          "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}, "410": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}},
      "post": {"operationId": "addRecord", "summary": "Add a record; guards of the standards apply (e.g. II.1.e refuses an identification interview before care). 413 when the case's records would pass the server's --max-case-size (4 MiB by default); nothing is written.", "security": [{"session": []}],
        "parameters": [{"$ref": "#/components/parameters/CaseId"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewRecord"}}}},
        "responses": {"201": {"description": "The record", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CaseRecord"}}}},
          "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}, "410": {"$ref": "#/components/responses/Problem"},
          "409": {"$ref": "#/components/responses/Problem"}, "413": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/v1/centre/self-assessment": {
      "get": {"operationId": "getSelfAssessment", "summary": "The centre's self-assessment (II.4.a): for each of the 59 clauses its basis (cases, staff, centre, or a manual item the data cannot show) and the counts met, pending, overdue, not met and not applicable; each staff member's screening, supervision, training and caseload (III.1.b, III.1.c, III.2.b); the facilities (III.1.a) and stale provider entries (II.6.a). For the period from..to (whole days; by default the last 365 days): the cases received by its end and not closed before its start, as they stood at its end. The centre head only.", "security": [{"session": []}],
        "parameters": [{"name": "from", "in": "query", "required": false, "schema": {"type": "string", "format": "date"}}, {"name": "to", "in": "query", "required": false, "schema": {"type": "string", "format": "date"}}],
        "responses": {"200": {"description": "The self-assessment", "content": {"application/json": {"schema": {"type": "object", "required": ["from", "to", "cases", "lines", "staff", "centre"], "properties": {
          "from": {"type": "string", "format": "date"}, "to": {"type": "string", "format": "date"},
          "cases": {"type": "integer"},
          "lines": {"type": "array", "items": {"type": "object", "properties": {"clause": {"type": "string"}, "title": {"type": "string"}, "basis": {"type": "string", "enum": ["cases", "staff", "centre", "manual"]}, "met": {"type": "integer"}, "pending": {"type": "integer"}, "overdue": {"type": "integer"}, "not_met": {"type": "integer"}, "not_applicable": {"type": "integer"}}}},
          "staff": {"type": "array", "items": {"type": "object", "properties": {"staff_id": {"type": "string"}, "screened": {"type": "boolean"}, "direct_support": {"type": "boolean"}, "last_supervision": {"type": ["string", "null"], "format": "date-time"}, "supervision_overdue": {"type": "boolean"}, "trained_in_recovery": {"type": "boolean"}, "trained_in_law": {"type": "boolean"}, "caseload": {"type": "integer"}}}},
          "centre": {"type": "object", "properties": {"facilities": {"type": "string"}, "providers": {"type": "integer"}, "stale_providers": {"type": "array", "items": {"type": "string"}}}}}}}}},
          "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/v1/centre/providers": {
      "get": {"operationId": "listProviders", "summary": "The provider directory (II.6.a): the latest entry of each provider (service_provider centre records, by name), each with stale true when not verified within stale_after_days, the deployment's provider_stale_days. For the list a victim is given.", "security": [{"session": []}],
        "responses": {"200": {"description": "The directory", "content": {"application/json": {"schema": {"type": "object", "properties": {"items": {"type": "array", "items": {"allOf": [{"$ref": "#/components/schemas/CentreRecord"}], "properties": {"stale": {"type": "boolean"}}}}, "stale_after_days": {"type": "integer"}}}}}},
          "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/v1/centre/staff": {
      "get": {"operationId": "listStaff", "summary": "The centre's staff by name and role (not external providers' accounts), so that records naming a member of staff read as people.", "security": [{"session": []}],
        "responses": {"200": {"description": "Staff", "content": {"application/json": {"schema": {"type": "object", "properties": {"items": {"type": "array", "items": {"type": "object", "properties": {
          "id": {"type": "string"}, "display_name": {"type": "string"}, "role": {"type": "string"}, "disabled": {"type": "boolean"}}}}}}}}},
          "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/v1/centre/records": {
      "get": {"operationId": "listCentreRecords", "summary": "The centre's records about itself (facilities, the provider directory) and its staff (qualifications, training, screening, supervision, matching). Staff see the centre's own and those about themselves; the head sees all.", "security": [{"session": []}],
        "responses": {"200": {"description": "Records", "content": {"application/json": {"schema": {"type": "object", "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/CentreRecord"}}}}}}},
          "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}}},
      "post": {"operationId": "addCentreRecord", "summary": "Add a centre or staff record (the centre head only). A staff record names its subject, a member of the centre's staff.", "security": [{"session": []}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewCentreRecord"}}}},
        "responses": {"201": {"description": "The record", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CentreRecord"}}}},
          "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/v1/cases/{case_id}/transfer": {
      "post": {"operationId": "transferCase", "summary": "Transfer the case to another centre, which takes over the service. The whole file is disclosed to that centre: only the centre head, within a consent in force naming it, for every category (I.3.a, I.3.b, I.3.d); the disclosure is recorded and this centre's staff leave the case. A closed case is refused (reopen it first); so is a destination whose name another centre shares.", "security": [{"session": []}],
        "parameters": [{"$ref": "#/components/parameters/CaseId"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "additionalProperties": false, "required": ["centre_id", "version"], "properties": {"centre_id": {"type": "string"}, "version": {"type": "integer"}}}}}},
        "responses": {"200": {"description": "Transferred", "content": {"application/json": {"schema": {"type": "object", "properties": {"id": {"type": "string"}, "centre_id": {"type": "string"}, "version": {"type": "integer"}}}}}},
          "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}, "410": {"$ref": "#/components/responses/Problem"},
          "409": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/v1/staff/{staff_id}/sessions": {
      "delete": {"operationId": "endStaffSessions", "summary": "An administrator ends every session of a member of staff at once (a lost phone, a departure); audited. Anyone else: 403.", "security": [{"session": []}],
        "parameters": [{"name": "staff_id", "in": "path", "required": true, "schema": {"type": "string"}}],
        "responses": {"200": {"description": "How many sessions ended", "content": {"application/json": {"schema": {"type": "object", "properties": {"ended": {"type": "integer"}}}}}},
          "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/v1/staff/{staff_id}/second-factor": {
      "delete": {"operationId": "resetStaffSecondFactor", "summary": "An administrator removes a member of staff's two-step sign-in (a lost phone) and ends their sessions; they set it up again at their next sign-in. 404 when there was none, set up or begun. Reset it with the password when the password may be known to someone else. Audited. Anyone else: 403.", "security": [{"session": []}],
        "parameters": [{"name": "staff_id", "in": "path", "required": true, "schema": {"type": "string"}}],
        "responses": {"204": {"description": "Reset"}, "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/v1/cases/{case_id}/disclosure-packages/preview": {
      "post": {"operationId": "previewDisclosurePackage", "summary": "Exactly what a disclosure (an export, a print, a referral package, information to the family or an agency) would send: only the requested categories (identity: the person; case_history: the reception and stage; the records of each category; never the centre's own records of consents, disclosures, staffing, overrides or break-glass), with headings in the language asked for, and the gate's refusals still standing (I.3.b, I.3.d, II.6.d; the head's approval, I.3.a, is what the preview is for). Nothing leaves and no disclosure is recorded; the reading is audited. Anyone on the case (I.3.c).", "security": [{"session": []}],
        "parameters": [{"name": "case_id", "in": "path", "required": true, "schema": {"type": "string"}}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/DisclosurePackageRequest"}}}},
        "responses": {"200": {"description": "The package as it would leave", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/DisclosurePackage"}}}},
          "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}, "410": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/v1/cases/{case_id}/disclosure-packages": {
      "post": {"operationId": "releaseDisclosurePackage", "summary": "The centre head releases a disclosure package (I.3.a); the package is the file's content, so she must be able to open the case (on it, or a break-glass: I.3.c). Through the one gate, within a consent in force covering the recipient, the purpose and every category (I.3.b); for a child, the child's and a guardian's or legal representative's (I.3.d); a referral package only to its referral's provider (II.6.d). A refusal answers 409 guard_refused with the clause and writes nothing. Released, it carries only the consented categories; the disclosure record and an audit entry are written in the same transaction. A victim's own file, in their language, is released the same way, to them. Anyone else: 403.", "security": [{"session": []}],
        "parameters": [{"name": "case_id", "in": "path", "required": true, "schema": {"type": "string"}}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/DisclosurePackageRequest"}}}},
        "responses": {"201": {"description": "Released and recorded", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/DisclosurePackage"}}}},
          "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}, "410": {"$ref": "#/components/responses/Problem"}, "409": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/v1/received-referrals": {
      "get": {"operationId": "listReceivedReferrals", "summary": "An external provider's inbox: the referral packages the centre head released to its organisation (II.6.d) whose consent still holds (a withdrawal takes one out at once), newest first, by case code, with their categories. Nothing of the file itself. Anyone else: 403.", "security": [{"session": []}],
        "responses": {"200": {"description": "The packages released to the provider", "content": {"application/json": {"schema": {"type": "object", "properties": {"items": {"type": "array", "items": {"type": "object", "properties": {
          "case_id": {"type": "string"}, "case_code": {"type": "string"}, "disclosure_id": {"type": "string"}, "released_at": {"type": "string", "format": "date-time"},
          "purpose": {"type": "string"}, "categories": {"type": "array", "items": {"type": "object"}}}}}}}}}},
          "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/v1/received-referrals/{case_id}/{disclosure_id}": {
      "get": {"operationId": "getReceivedReferral", "summary": "An external provider opens a referral package released to its organisation: the consented categories, with the records written up to the release. Only while the consent still covers it (I.3.b, I.3.d): after a withdrawal, 403 with the clause. 404 for anything not released to this organisation. Every opening, refusal and probe of something not released to it is audited. Anyone else: 403.", "security": [{"session": []}],
        "parameters": [{"name": "case_id", "in": "path", "required": true, "schema": {"type": "string"}}, {"name": "disclosure_id", "in": "path", "required": true, "schema": {"type": "string"}}],
        "responses": {"200": {"description": "The package", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/DisclosurePackage"}}}},
          "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/v1/cases/{case_id}/break-glass": {
      "post": {"operationId": "breakGlass", "summary": "The centre head opens a case she is not on, in an emergency (I.3.c): a written reason and a time limit of 1 to 240 minutes. The opening is recorded on the case (a break_glass record, seen by everyone on it) and in the audit log; until it ends, the case's reads answer access.via = break_glass. Anyone else: 403.", "security": [{"session": []}],
        "parameters": [{"$ref": "#/components/parameters/CaseId"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "additionalProperties": false, "required": ["reason", "minutes"], "properties": {"reason": {"type": "string", "minLength": 1, "maxLength": 1000}, "minutes": {"type": "integer", "minimum": 1, "maximum": 240}}}}}},
        "responses": {"201": {"description": "The break_glass record", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CaseRecord"}}}},
          "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}, "410": {"$ref": "#/components/responses/Problem"},
          "422": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/v1/cases/{case_id}/legal-holds": {
      "post": {"operationId": "placeLegalHold", "summary": "The centre head places a legal hold: an authority (a court, the police, the procuracy) needs the case's file kept, so it cannot be erased while the hold is in force. Recorded on the case (a legal_hold record) and in the audit log. She need not be on the case. Anyone else: 403. An erased case: 410.", "security": [{"session": []}],
        "parameters": [{"$ref": "#/components/parameters/CaseId"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "additionalProperties": false, "required": ["authority", "reason"], "properties": {"authority": {"type": "string", "minLength": 1, "maxLength": 300}, "reason": {"type": "string", "minLength": 1, "maxLength": 1000}}}}}},
        "responses": {"201": {"description": "The legal_hold record", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CaseRecord"}}}},
          "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}, "410": {"$ref": "#/components/responses/Problem"},
          "410": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/v1/cases/{case_id}/legal-holds/{hold_id}/lift": {
      "post": {"operationId": "liftLegalHold", "summary": "The centre head lifts a legal hold in force, with the reason (the proceedings ended). Recorded on the case (a legal_hold_lifted record) and in the audit log. A hold that is not in force on this case: 409 guard_refused.", "security": [{"session": []}],
        "parameters": [{"$ref": "#/components/parameters/CaseId"}, {"name": "hold_id", "in": "path", "required": true, "schema": {"type": "string"}, "description": "The id of the legal_hold record"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "additionalProperties": false, "required": ["reason"], "properties": {"reason": {"type": "string", "minLength": 1, "maxLength": 1000}}}}}},
        "responses": {"201": {"description": "The legal_hold_lifted record", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CaseRecord"}}}},
          "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}, "410": {"$ref": "#/components/responses/Problem"},
          "409": {"$ref": "#/components/responses/Problem"}, "410": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/v1/cases/{case_id}/erasure": {
      "post": {"operationId": "eraseCase", "summary": "The centre head erases a closed case's file for good (Law 91/2025/QH15 on personal data protection): the case's own key is destroyed, so no copy of its sealed fields opens again, and what the file held about the person is emptied. The case keeps its code, stage and dates, and its audit log; from then on it answers 410. She types the case code back to confirm. Refused with 409 guard_refused while the case is open (guard.erasure_case_open) or under a legal hold (guard.erasure_legal_hold); anyone but the head: 403.", "security": [{"session": []}],
        "parameters": [{"$ref": "#/components/parameters/CaseId"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "additionalProperties": false, "required": ["ground", "case_code"], "properties": {"ground": {"type": "string", "enum": ["purpose_ended", "subject_request"], "description": "purpose_ended: the support ended and nothing requires the file kept; subject_request: the person asked"}, "case_code": {"type": "string", "description": "The case code, typed back"}}}}}},
        "responses": {"200": {"description": "Erased", "content": {"application/json": {"schema": {"type": "object", "required": ["id", "code", "erased_at", "ground"], "properties": {"id": {"type": "string"}, "code": {"type": "string"}, "erased_at": {"type": "string", "format": "date-time"}, "ground": {"type": "string", "enum": ["purpose_ended", "subject_request"]}}}}}},
          "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}, "410": {"$ref": "#/components/responses/Problem"},
          "409": {"$ref": "#/components/responses/Problem"}, "410": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/v1/cases/{case_id}/progress": {
      "get": {"operationId": "getProgress", "summary": "The victim's progress summary (I.4.d) in plain words, in the request's language: the stage, the milestones done with their dates, and what comes next. Internal records are not shown.", "security": [{"session": []}],
        "parameters": [{"$ref": "#/components/parameters/CaseId"}, {"$ref": "#/components/parameters/AcceptLanguage"}],
        "responses": {"200": {"description": "The summary", "content": {"application/json": {"schema": {"type": "object", "required": ["stage", "done", "next"], "properties": {"stage": {"type": "string"}, "done": {"type": "array", "items": {"type": "object", "properties": {"date": {"type": "string", "format": "date"}, "text": {"type": "string"}}}}, "next": {"type": "string"}}}}}},
          "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}, "410": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/v1/accounts": {
      "get": {"operationId": "listAccounts", "summary": "Every account of the deployment (administrators first, then each centre's staff, by name), with the centres: role, centre, organisation (an external provider's), disabled, second_factor (two-step sign-in is on). Never a password hash. Administrator only.", "security": [{"session": []}],
        "responses": {"200": {"description": "Accounts", "content": {"application/json": {"schema": {"type": "object", "properties": {"centres": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"}}}}, "items": {"type": "array", "items": {"$ref": "#/components/schemas/Account"}}}}}}},
          "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}}},
      "post": {"operationId": "addAccount", "summary": "Add an account {centre_id (not for an administrator), username, display_name, role, organisation (an external provider's only)}, without a password: the answer carries its one-time activation code (shown once, valid 7 days), with which its owner sets the password (POST /account-activation). It reaches nothing but its own sign-in set-up until someone other than its maker confirms it (POST /accounts/{staff_id}/confirm). Audited with the administrator's ID. 409 already_exists for a taken username.", "security": [{"session": []}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "additionalProperties": false, "required": ["username", "display_name", "role"], "properties": {"centre_id": {"type": "string"}, "username": {"type": "string"}, "display_name": {"type": "string"}, "role": {"type": "string", "enum": ["case_worker", "centre_head", "counsellor", "administrator", "auditor", "external_provider"]}, "organisation": {"type": "string"}}}}}},
        "responses": {"201": {"description": "The account, with its activation code", "content": {"application/json": {"schema": {"allOf": [{"$ref": "#/components/schemas/Account"}, {"type": "object", "properties": {"activation": {"$ref": "#/components/schemas/ActivationCode"}}}]}}}},
          "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, "409": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/v1/accounts/{staff_id}/activation": {
      "post": {"operationId": "issueActivation", "summary": "A new activation code for an account not yet activated (the last lost or expired); the old one stops working. Only by the administrator who made it (403 otherwise); 409 once it is activated. Audited.", "security": [{"session": []}],
        "parameters": [{"name": "staff_id", "in": "path", "required": true, "schema": {"type": "string"}}],
        "responses": {"201": {"description": "The new code", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ActivationCode"}}}}, "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}, "409": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/v1/accounts/{staff_id}/confirm": {
      "post": {"operationId": "confirmAccount", "summary": "Confirm an account someone else made, once its owner has activated it (409 before, and once confirmed): an administrator any account, a centre head those of her own centre (not an administrator's; another centre's is 404). Never one's own, one's own making, or an account made by whoever made one's own (403). Audited.", "security": [{"session": []}],
        "parameters": [{"name": "staff_id", "in": "path", "required": true, "schema": {"type": "string"}}],
        "responses": {"200": {"description": "Confirmed", "content": {"application/json": {"schema": {"type": "object", "properties": {"id": {"type": "string"}, "confirmed": {"type": "boolean"}}}}}}, "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}, "409": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/v1/accounts/{staff_id}/screening": {
      "post": {"operationId": "recordHeadScreening", "summary": "An administrator records a centre head's recruitment screening (III.1.b) {occurred_at, body: {ability, qualifications, moral_standing, judicial_record_checked, notes}}: nobody records their own, and a centre's only head has nobody else to. Only for centre heads (422), never for an account the administrator made (403). Audited.", "security": [{"session": []}],
        "parameters": [{"name": "staff_id", "in": "path", "required": true, "schema": {"type": "string"}}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "additionalProperties": false, "required": ["occurred_at", "body"], "properties": {"occurred_at": {"type": "string", "format": "date-time"}, "body": {"type": "object"}}}}}},
        "responses": {"201": {"description": "The record", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CentreRecord"}}}}, "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/v1/account-activation": {
      "post": {"operationId": "activateAccount", "summary": "The owner of a new account sets its password with the activation code {username, code, password}. A wrong, used or expired code is 401 invalid_credentials with field code and counts as a failed sign-in against the name and the address (429 past the limits); a password the policy refuses is 422 with field password, and the code still works. Audited.", "parameters": [{"$ref": "#/components/parameters/AcceptLanguage"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "additionalProperties": false, "required": ["username", "code", "password"], "properties": {"username": {"type": "string", "maxLength": 64}, "code": {"type": "string", "maxLength": 64}, "password": {"type": "string", "maxLength": 128}}}}}},
        "responses": {"200": {"description": "Activated: sign in with the new password", "content": {"application/json": {"schema": {"type": "object", "properties": {"username": {"type": "string"}, "activated": {"type": "boolean"}}}}}}, "401": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}, "429": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/v1/centre/accounts": {
      "get": {"operationId": "listCentreAccounts", "summary": "The head's own centre's accounts, with whether each is activated and confirmed, for confirming those waiting. Never a password hash or code.", "security": [{"session": []}],
        "responses": {"200": {"description": "Accounts", "content": {"application/json": {"schema": {"type": "object", "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Account"}}}}}}}, "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/v1/centre/audit": {
      "get": {"operationId": "getCentreAudit", "summary": "The centre's audit log, newest first: what was done on its cases, by its staff, and to its staff's accounts (made, activated, confirmed, screened, signed in, disabled), limit entries (1 to 200, default 50) before the entry before (default: the newest); next_before continues. IDs and outcomes only.", "security": [{"session": []}],
        "parameters": [{"name": "before", "in": "query", "schema": {"type": "integer"}}, {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 200}}],
        "responses": {"200": {"description": "Entries", "content": {"application/json": {"schema": {"type": "object", "properties": {"items": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "integer"}, "at": {"type": "string", "format": "date-time"}, "actor_id": {"type": ["string", "null"]}, "action": {"type": "string"}, "case_id": {"type": ["string", "null"]}, "case_code": {"type": ["string", "null"]}, "subject_id": {"type": ["string", "null"]}, "detail": {"type": "string"}}}}, "next_before": {"type": ["integer", "null"]}}}}}},
          "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/v1/accounts/{staff_id}/disable": {
      "post": {"operationId": "disableAccount", "summary": "Disable an account: its sessions end at once; audited. An administrator cannot disable their own (403).", "security": [{"session": []}],
        "parameters": [{"name": "staff_id", "in": "path", "required": true, "schema": {"type": "string"}}],
        "responses": {"200": {"description": "Disabled", "content": {"application/json": {"schema": {"type": "object", "properties": {"id": {"type": "string"}, "disabled": {"type": "boolean"}}}}}}, "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/v1/accounts/{staff_id}/enable": {
      "post": {"operationId": "enableAccount", "summary": "Enable a disabled account again; audited.", "security": [{"session": []}],
        "parameters": [{"name": "staff_id", "in": "path", "required": true, "schema": {"type": "string"}}],
        "responses": {"200": {"description": "Enabled", "content": {"application/json": {"schema": {"type": "object", "properties": {"id": {"type": "string"}, "disabled": {"type": "boolean"}}}}}}, "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/v1/parameters": {
      "get": {"operationId": "listParameters", "summary": "The deployment's standards parameters (deadlines, intervals, thresholds), each with its clause and the clause's title in the request's language. Administrator only; set in the parameters file at start.", "security": [{"session": []}],
        "responses": {"200": {"description": "Parameters", "content": {"application/json": {"schema": {"type": "object", "properties": {"items": {"type": "array", "items": {"type": "object", "properties": {"clause": {"type": "string"}, "name": {"type": "string"}, "value": {"type": "integer"}, "title": {"type": "string"}}}}}}}}},
          "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/v1/audit/verification": {
      "get": {"operationId": "verifyAuditLog", "summary": "Checks the audit log's hash chain now, as haven audit verify does: intact, how many entries were checked (chained, and unchained from before the chain began), and where it goes wrong (problem: altered, broken_link, unchained_in_chain, last_entries_missing; first_bad_id). Administrator or auditor.", "security": [{"session": []}],
        "responses": {"200": {"description": "The check", "content": {"application/json": {"schema": {"type": "object", "properties": {"intact": {"type": "boolean"}, "chained": {"type": "integer"}, "unchained": {"type": "integer"}, "problem": {"type": "string"}, "first_bad_id": {"type": ["integer", "null"]}, "checked_at": {"type": "string", "format": "date-time"}}}}}},
          "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/v1/my-work": {
      "get": {"operationId": "getMyWork", "summary": "The reader's day: every case they are on (up to 100, newest reception first; more_cases counts the rest), each with its open tasks as GET /cases/{case_id}/tasks gives them, and the ten latest records on those cases. Each case file opened is audited as a reading (I.3.c).", "security": [{"session": []}],
        "responses": {"200": {"description": "My work", "content": {"application/json": {"schema": {"type": "object", "properties": {
          "cases": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}, "code": {"type": "string"}, "name": {"type": "string"}, "name_is_alias": {"type": "boolean"}, "treated_as_child": {"type": "boolean"}, "stage": {"type": "string"}, "received_at": {"type": "string", "format": "date-time"},
            "tasks": {"type": "array", "items": {"type": "object", "properties": {"clause": {"type": "string"}, "task": {"type": "string"}, "what": {"type": "string"}, "due_at": {"type": "string", "format": "date-time"}, "overdue": {"type": "boolean"}, "about_record_id": {"type": "string"}}}}}}},
          "more_cases": {"type": "integer"},
          "recent": {"type": "array", "items": {"type": "object", "properties": {"case_id": {"type": "string"}, "case_code": {"type": "string"}, "record_id": {"type": "string"}, "type": {"type": "string"}, "recorded_at": {"type": "string", "format": "date-time"}, "recorded_by": {"type": "string"}}}}}}}}},
          "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/v1/cases/{case_id}/actions": {
      "get": {"operationId": "listActions", "summary": "The lifecycle moves the case's stage allows, each allowed now or refused with the clauses and, in the request's language, what must happen first (the guards of POST /actions, evaluated without moving the case). may_act: whether the reader's role takes actions; may_override: whether it may pass over a refusal marked overridable, with a reason. The reading is audited.", "security": [{"session": []}],
        "parameters": [{"$ref": "#/components/parameters/CaseId"}],
        "responses": {"200": {"description": "The moves", "content": {"application/json": {"schema": {"type": "object", "properties": {
          "version": {"type": "integer"}, "may_act": {"type": "boolean"}, "may_override": {"type": "boolean"},
          "items": {"type": "array", "items": {"type": "object", "properties": {
            "action": {"type": "string"}, "to": {"type": "string"}, "allowed": {"type": "boolean"},
            "refusals": {"type": "array", "items": {"type": "object", "properties": {"clause": {"type": "string"}, "message": {"type": "string"}, "overridable": {"type": "boolean"}}}}}}}}}}}},
          "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}, "410": {"$ref": "#/components/responses/Problem"}}},
      "post": {"operationId": "takeAction", "summary": "Move the case through its lifecycle; a guard that refuses answers 409 guard_refused with its clause (I.1.c, I.4.c, I.5.a, I.5.b, I.5.c, II.1.e, II.4.d, II.5.e, II.7.a, II.7.b, II.7.c, II.8.c, II.8.d). A foreign victim may begin, complete or cancel repatriation (I.5.a).", "security": [{"session": []}],
        "parameters": [{"$ref": "#/components/parameters/CaseId"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CaseAction"}}}},
        "responses": {"200": {"description": "The case at its new stage", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Case"}}}},
          "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}, "410": {"$ref": "#/components/responses/Problem"},
          "409": {"$ref": "#/components/responses/Problem"}, "422": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/v1/cases/{case_id}/tasks": {
      "get": {"operationId": "listTasks", "summary": "What the standards ask of this case now: tasks due and overdue, crisis first.", "security": [{"session": []}],
        "parameters": [{"$ref": "#/components/parameters/CaseId"}],
        "responses": {"200": {"description": "Open tasks", "content": {"application/json": {"schema": {"type": "object", "properties": {"items": {"type": "array", "items": {"type": "object", "properties": {
          "clause": {"type": "string"}, "task": {"type": "string"}, "what": {"type": "string"}, "due_at": {"type": "string", "format": "date-time"}, "overdue": {"type": "boolean"}, "about_record_id": {"type": "string"}}}}}}}}},
          "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}, "410": {"$ref": "#/components/responses/Problem"}}}
    },
    "/api/v1/cases/{case_id}/compliance": {
      "get": {"operationId": "getCompliance", "summary": "Each evaluated clause: met, pending, overdue, not_met or not_applicable, with evidence and the reason.", "security": [{"session": []}],
        "parameters": [{"$ref": "#/components/parameters/CaseId"}],
        "responses": {"200": {"description": "Clause states", "content": {"application/json": {"schema": {"type": "object", "properties": {"items": {"type": "array", "items": {"type": "object", "properties": {
          "clause": {"type": "string"}, "title": {"type": "string"}, "state": {"type": "string", "enum": ["met", "pending", "overdue", "not_met", "not_applicable"]}, "evidence": {"type": "array", "items": {"type": "string"}}, "reason": {"type": "string"}}}}}}}}},
          "401": {"$ref": "#/components/responses/Problem"}, "403": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"}, "410": {"$ref": "#/components/responses/Problem"}}}
    }
  }
})json";
}

}  // namespace haven::http
