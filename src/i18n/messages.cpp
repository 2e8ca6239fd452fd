#include "i18n/messages.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>

namespace haven::i18n {
namespace {

struct Message {
  std::string_view key;
  std::string_view vi;
  std::string_view en;
};

// Keep sorted by key: looked up by binary search. A unit test checks the order and that every
// ErrorCode has its "error.<code>" entry.
constexpr Message kMessages[] = {
    {"action.begin_assessment", "bắt đầu đánh giá", "begin the assessment"},
    {"action.begin_care", "bắt đầu chăm sóc", "begin care"},
    {"action.begin_identification", "bắt đầu xác minh nạn nhân", "begin identification"},
    {"action.begin_monitoring", "bắt đầu theo dõi sau tái hòa nhập", "begin monitoring"},
    {"action.begin_planning", "bắt đầu lập kế hoạch tái hòa nhập", "begin reintegration planning"},
    {"action.begin_reintegration", "bắt đầu tái hòa nhập", "begin reintegration"},
    {"action.begin_repatriation", "bắt đầu hồi hương", "begin repatriation"},
    {"action.cancel_repatriation", "hủy hồi hương, tiếp tục chăm sóc", "cancel the repatriation, continue care"},
    {"action.close", "kết thúc hỗ trợ", "close the case"},
    {"action.close_lost_contact", "đóng hồ sơ vì mất liên lạc", "close the case for lost contact"},
    {"action.complete_repatriation", "hoàn tất hồi hương", "complete the repatriation"},
    {"action.reopen", "mở lại hồ sơ", "reopen the case"},
    {"category.case_history", "Quá trình hỗ trợ", "Case history"},
    {"category.contact", "Thông tin liên lạc", "Contact details"},
    {"category.health", "Sức khỏe", "Health"},
    {"category.identification", "Xác minh nạn nhân", "Identification"},
    {"category.identity", "Nhân thân", "Identity"},
    {"category.plan", "Kế hoạch tái hòa nhập", "Reintegration plan"},
    {"category.psychological", "Tâm lý", "Psychological"},
    {"disclosure.notice", "Chỉ gồm các loại thông tin mà nạn nhân (và người giám hộ, nếu là trẻ em) đã đồng ý cho gửi đến người nhận này, cho mục đích này. Không chuyển tiếp cho người khác.", "Only the categories of information the victim (and, for a child, the guardian) agreed may go to this recipient, for this purpose. Do not pass it on."},
    {"disclosure.preview_notice", "Bản xem trước: chưa có gì rời khỏi trung tâm. Đây chính xác là những gì sẽ được gửi khi Giám đốc phê duyệt.", "Preview: nothing has left the centre. This is exactly what will be sent once the centre head approves it."},
    {"disclosure.title", "Thông tin gửi {recipient}", "Information for {recipient}"},
    {"error.account_already_active", "Tài khoản này đã được kích hoạt; không cần mã mới. Chủ tài khoản đăng nhập bằng mật khẩu họ đã đặt.", "This account is already activated; no new code is needed. Its owner signs in with the password they set."},
    {"error.account_already_confirmed", "Tài khoản này đã được xác nhận.", "This account is already confirmed."},
    {"error.account_unconfirmed", "Tài khoản của bạn đang chờ một người khác (không phải người đã tạo nó) xác nhận: Giám đốc trung tâm của bạn hoặc một quản trị viên khác. Trong lúc chờ, bạn chỉ có thể thiết lập việc đăng nhập. Hãy đề nghị họ xác nhận.", "Your account is waiting to be confirmed by someone other than the person who made it: a head of your centre or another administrator. Until then you can only set up your sign-in. Ask them to confirm it."},
    {"error.activation_by_maker_only", "Chỉ người đã tạo tài khoản này mới cấp được mã kích hoạt mới.", "Only whoever made this account may issue a new activation code."},
    {"error.activation_code_wrong", "Mã kích hoạt không đúng, đã được dùng hoặc đã hết hạn (mã có hiệu lực 7 ngày). Hãy kiểm tra lại, hoặc nhờ người đã tạo tài khoản cấp mã mới.", "The activation code is wrong, already used or expired (codes last 7 days). Check it, or ask whoever made your account for a new one."},
    {"error.already_exists", "Giá trị này đã được dùng. Hãy chọn giá trị khác.", "This value is already in use. Choose another one."},
    {"error.assignment_needs_head", "Chỉ Giám đốc trung tâm mới quyết định ai phụ trách hồ sơ (điều khoản I.3.c): phân công, thôi phân công, và ghi nhận cán bộ mà nạn nhân lựa chọn (II.1.d). Hãy báo Giám đốc người nạn nhân đã chọn.", "Only the centre head decides who works on a case (clause I.3.c): she assigns and releases staff, and records the staff member the victim chose (II.1.d). Tell the centre head whom the victim chose."},
    {"error.break_glass_needs_head", "Chỉ Giám đốc trung tâm mới được mở khẩn cấp một hồ sơ mà mình không được phân công.", "Only the centre head may open, in an emergency, a case she is not assigned to."},
    {"error.busy", "Máy chủ đang bận. Hãy thử lại sau ít giây; dữ liệu của bạn chưa bị mất.", "The server is busy. Try again in a few seconds; nothing you entered was lost."},
    {"error.cannot_disable_self", "Bạn không thể khóa tài khoản của chính mình: sẽ không còn ai mở lại được. Hãy nhờ một quản trị viên khác.", "You cannot disable your own account: no one would be left to enable it again. Ask another administrator."},
    {"error.case_erased", "Hồ sơ này đã bị xoá vĩnh viễn ngày {date} theo Luật Bảo vệ dữ liệu cá nhân; chỉ còn lại mã hồ sơ và nhật ký truy cập.", "This case's file was erased for good on {date} under the Law on Personal Data Protection; only its code and its access log remain."},
    {"error.case_not_found", "Không tìm thấy hồ sơ này trong trung tâm của bạn.", "This case was not found in your centre."},
    {"error.case_too_large", "Hồ sơ này đã đạt giới hạn {max} nội dung ghi chép, nên bản ghi này chưa được lưu (nội dung bạn gõ vẫn còn trên màn hình). Hãy viết ngắn lại, hoặc nhờ quản trị viên nâng giới hạn (--max-case-size).", "This case file has reached its limit of {max} of records, so this record was not saved (what you typed is still on the screen). Shorten it, or ask the administrator to raise the limit (--max-case-size)."},
    {"error.centre_not_found", "Không tìm thấy trung tâm này.", "This centre was not found."},
    {"error.confirm_before_activation", "Chủ tài khoản chưa kích hoạt tài khoản này. Chỉ xác nhận sau khi chính họ đã đặt mật khẩu và báo cho bạn biết.", "Its owner has not activated this account yet. Confirm it only once they have set their own password and told you so."},
    {"error.confirm_head_made", "Tài khoản do Giám đốc trung tâm tạo phải được một quản trị viên, người ngoài trung tâm, xác nhận.", "An account a centre head made is confirmed by an administrator, from outside the centre."},
    {"error.confirm_made_through_you", "Tài khoản này được tạo qua một tài khoản do bạn tạo, nên phải do người khác xác nhận: Giám đốc trung tâm của tài khoản hoặc một quản trị viên khác.", "This account was made through an account you made, so someone else must confirm it: a head of its centre or another administrator."},
    {"error.confirm_other_centre", "Giám đốc trung tâm chỉ xác nhận tài khoản của cán bộ trung tâm mình, không xác nhận tài khoản quản trị viên.", "A centre head confirms only her own centre's staff accounts, never an administrator's."},
    {"error.confirm_own_account", "Không ai tự xác nhận tài khoản của chính mình.", "Nobody confirms their own account."},
    {"error.confirm_own_making", "Bạn đã tạo tài khoản này, nên phải do người khác xác nhận: Giám đốc trung tâm của tài khoản hoặc một quản trị viên khác.", "You made this account, so someone else must confirm it: a head of its centre or another administrator."},
    {"error.confirm_same_maker", "Bạn và tài khoản này do cùng một người tạo, nên bạn không xác nhận được: hãy nhờ một Giám đốc hoặc quản trị viên không do người đó tạo.", "You and this account were made by the same person, so you cannot confirm it: ask a head or an administrator that person did not make."},
    {"error.cross_site", "Yêu cầu này đến từ một trang khác, không phải Haven, nên đã bị từ chối.", "This request came from another site, not from Haven, so it was refused."},
    {"error.csrf", "Yêu cầu này không mang mã chống giả mạo của phiên làm việc, nên không được thực hiện. Hãy tải lại trang rồi thử lại; không có gì bị thay đổi.", "This request did not carry the session's anti-forgery token, so it was not carried out. Reload the page and try again; nothing was changed."},
    {"error.disclosure_request_decided", "Yêu cầu này đã được quyết định rồi (phê duyệt hoặc từ chối). Hãy tải lại danh sách yêu cầu.", "This request has already been decided (approved or declined). Reload the list of requests."},
    {"error.disclosure_request_not_found", "Không có yêu cầu công bố thông tin nào như vậy trong hồ sơ này.", "There is no such disclosure request on this case."},
    {"error.document_not_found", "Không có tài liệu này trong hồ sơ.", "There is no such document in this case file."},
    {"error.document_too_large", "Tệp quá lớn: mỗi tài liệu tối đa {max}. Hãy quét lại với độ phân giải thấp hơn hoặc chia thành nhiều tệp. Không có gì được lưu.", "The file is too large: each document may be at most {max}. Scan it again at a lower resolution or split it into several files. Nothing was saved."},
    {"error.document_type", "Chỉ nhận tệp PDF, JPEG hoặc PNG; nội dung tệp này không phải một trong ba loại đó (dù tên tệp là gì). Không có gì được lưu.", "Only PDF, JPEG or PNG files are accepted; this file's content is none of them, whatever its name. Nothing was saved."},
    {"error.draft_not_found", "Không có bản nháp nào của biểu mẫu này.", "There is no draft of this form."},
    {"error.draft_too_large", "Bản nháp quá dài để lưu (tối đa {max}); nội dung bạn gõ vẫn còn trên màn hình.", "The draft is too long to keep (at most {max}); what you typed is still on the screen."},
    {"error.duplicate_checks_limited", "Bạn đã kiểm tra trùng hồ sơ {max} lần trong một giờ qua. Hãy chờ một lúc rồi thử lại; nếu cần kiểm tra nhiều người, hãy báo Giám đốc trung tâm.", "You have checked for earlier cases {max} times in the last hour. Wait a while and try again; to check many people, ask the centre head."},
    {"error.duplicate_key", "Trường «{field}» xuất hiện hai lần trong nội dung gửi lên; hãy gửi mỗi trường một lần. Không có gì được lưu.", "The field \"{field}\" appears twice in the request; send each field once. Nothing was saved."},
    {"error.erasure_needs_head", "Chỉ Giám đốc trung tâm mới được xoá vĩnh viễn một hồ sơ.", "Only the centre head may erase a case's file."},
    {"error.forbidden", "Bạn không có quyền thực hiện việc này.", "You are not allowed to do this."},
    {"error.forbidden_role", "Vai trò của bạn không được phép thực hiện việc này. Hãy nhờ cán bộ phụ trách hoặc giám đốc trung tâm.", "Your role may not do this. Ask the assigned case worker or the centre head."},
    {"error.gone", "Thông tin này không còn nữa.", "This is no longer here."},
    {"error.guard_refused", "Theo Tiêu chuẩn tối thiểu, chưa thể làm việc này.", "The Minimum Standards do not allow this yet."},
    {"error.head_manages_staff_only", "Giám đốc trung tâm quản lý tài khoản của cán bộ trung tâm mình; tài khoản của Giám đốc, Thanh tra viên và Quản trị viên do Quản trị viên quản lý.", "A centre head manages her own centre's staff accounts; the accounts of centre heads, auditors and administrators are managed by the administrator."},
    {"error.headers_too_large", "Phần đầu của yêu cầu quá lớn (tối đa {max}).", "The request headers are too large (at most {max})."},
    {"error.idempotency_key_taken", "Yêu cầu giống hệt vừa được lưu; kết quả của lần lưu đó được trả lại.", "The same request was just saved; that saving's result is given back."},
    {"error.internal", "Đã có lỗi ở máy chủ. Dữ liệu của bạn chưa bị mất; hãy thử lại hoặc báo cho quản trị viên.", "Something went wrong on the server. Nothing you entered was lost; try again or tell your administrator."},
    {"error.invalid_credentials", "Tên đăng nhập hoặc mật khẩu không đúng.", "The username or password is not correct."},
    {"error.invalid_utf8", "Nội dung gửi lên không phải văn bản UTF-8 hợp lệ.", "The request is not valid UTF-8 text."},
    {"error.legal_hold_needs_head", "Chỉ Giám đốc trung tâm mới được đặt hoặc gỡ lệnh giữ hồ sơ.", "Only the centre head may place or lift a legal hold."},
    {"error.malformed_json", "Nội dung gửi lên không phải JSON hợp lệ.", "The request body is not valid JSON."},
    {"error.malformed_request", "Không đọc được yêu cầu HTTP này.", "The HTTP request could not be read."},
    {"error.method_not_allowed", "Địa chỉ này không nhận phương thức {method}. Phương thức được phép: {allowed}.", "This address does not accept {method}. Allowed: {allowed}."},
    {"error.missing_field", "Thiếu trường bắt buộc «{field}».", "The required field \"{field}\" is missing."},
    {"error.not_found", "Không tìm thấy địa chỉ này.", "Nothing was found at this address."},
    {"error.override_needs_head", "Chỉ Giám đốc trung tâm mới có thể bỏ qua yêu cầu này, kèm lý do.", "Only the centre head may pass over this requirement, with a reason."},
    {"error.own_disclosure_request", "Không ai tự phê duyệt yêu cầu của chính mình (I.3.a). Giám đốc đã tham gia hồ sơ có thể tự công bố gói thông tin từ hồ sơ; nếu không, một Giám đốc khác quyết định yêu cầu này.", "Nobody approves their own request (I.3.a). A centre head on the case releases the package from the case file herself; otherwise another centre head decides this request."},
    {"error.password_wrong", "Mật khẩu không đúng. Hãy nhập mật khẩu bạn dùng để đăng nhập.", "The password is not correct. Enter the password you sign in with."},
    {"error.payload_too_large", "Nội dung gửi lên quá lớn (tối đa {max}).", "The request body is too large (at most {max})."},
    {"error.rate_limited", "Đã có quá nhiều lần đăng nhập sai. Hãy chờ một lúc rồi thử lại, hoặc nhờ quản trị viên đặt lại mật khẩu.", "There have been too many failed sign-ins. Wait a while and try again, or ask an administrator to reset your password."},
    {"error.record_type_not_found", "Không có loại hồ sơ này.", "There is no such kind of record."},
    {"error.referral_no_longer_shared", "Nạn nhân không còn đồng ý chia sẻ thông tin này với tổ chức của bạn, nên trung tâm đã ngừng chia sẻ. Hãy liên hệ trung tâm nếu cần.", "The victim no longer agrees to share this information with your organisation, so the centre has stopped sharing it. Contact the centre if you need to."},
    {"error.referral_not_found", "Không có gói chuyển gửi nào như vậy được gửi cho tổ chức của bạn.", "No such referral package was sent to your organisation."},
    {"error.release_needs_head", "Chỉ Giám đốc trung tâm mới phê duyệt để thông tin về nạn nhân rời khỏi trung tâm (I.3.a). Hãy chuẩn bị bản xem trước rồi nhờ Giám đốc phê duyệt.", "Only the centre head approves information about a victim leaving the centre (I.3.a). Prepare the preview and ask the centre head to approve it."},
    {"error.screen_own_making", "Bạn đã tạo tài khoản này, nên việc thẩm tra tuyển dụng phải do một quản trị viên khác ghi nhận.", "You made this account, so another administrator must record its recruitment screening."},
    {"error.screening_heads_only", "Quản trị viên chỉ ghi nhận thẩm tra tuyển dụng của Giám đốc trung tâm; Giám đốc ghi nhận của cán bộ mình.", "An administrator records the screening of centre heads only; a head records her staff's."},
    {"error.second_factor_already_on", "Đăng nhập hai bước đã được bật cho tài khoản này. Nếu mất điện thoại, hãy nhờ quản trị viên đặt lại.", "Two-step sign-in is already on for this account. If you lost your phone, ask an administrator to reset it."},
    {"error.second_factor_code_wrong", "Mã không đúng hoặc đã được dùng rồi. Hãy nhập mã đang hiện trong ứng dụng xác thực; mỗi mã chỉ dùng được một lần.", "The code is wrong or has already been used. Enter the code your authenticator app shows now; each code works only once."},
    {"error.second_factor_locked", "Đã nhập sai mã xác thực quá nhiều lần, nên đăng nhập hai bước của tài khoản này tạm khoá trong 24 giờ. Hãy báo ngay cho quản trị viên: có thể ai đó đã biết mật khẩu của bạn.", "Too many wrong authentication codes were entered, so two-step sign-in for this account is locked for 24 hours. Tell your administrator at once: someone may know your password."},
    {"error.second_factor_not_set_up", "Tài khoản này chưa bật đăng nhập hai bước, nên không có gì để đặt lại.", "This account does not have two-step sign-in on, so there is nothing to reset."},
    {"error.second_factor_not_started", "Hãy bắt đầu thiết lập đăng nhập hai bước trước, rồi mới nhập mã.", "Start setting up two-step sign-in first, then enter the code."},
    {"error.second_factor_required", "Nhập mã 6 chữ số đang hiện trong ứng dụng xác thực trên điện thoại của bạn.", "Enter the 6-digit code your authenticator app shows on your phone."},
    {"error.second_factor_setup_required", "Vai trò của bạn bắt buộc đăng nhập hai bước. Hãy thiết lập nó trước khi làm việc khác.", "Your role requires two-step sign-in. Set it up before doing anything else."},
    {"error.sign_in_busy", "Đang có rất nhiều người đăng nhập cùng lúc. Hãy thử lại sau ít giây.", "Many people are signing in at once. Try again in a few seconds."},
    {"error.staff_not_found", "Không tìm thấy tài khoản cán bộ này.", "This staff account was not found."},
    {"error.too_deep", "Nội dung JSON lồng nhau quá sâu.", "The JSON body is nested too deeply."},
    {"error.too_many_connections", "Máy chủ đang quá tải. Hãy thử lại sau ít giây; dữ liệu của bạn chưa bị mất.", "The server is too busy. Try again in a few seconds; nothing you entered was lost."},
    {"error.transfer_needs_head", "Chỉ Giám đốc trung tâm mới có thể chuyển hồ sơ sang trung tâm khác, vì cả hồ sơ sẽ được chuyển đi.", "Only the centre head may transfer a case to another centre: the whole file goes with it."},
    {"error.unauthenticated", "Bạn cần đăng nhập để tiếp tục.", "Please sign in to continue."},
    {"error.unavailable", "Cơ sở dữ liệu tạm thời không trả lời. Dữ liệu của bạn chưa bị mất; hãy thử lại sau ít phút.", "The database is not answering right now. Nothing you entered was lost; try again in a few minutes."},
    {"error.unknown_field", "Trường «{field}» không được chấp nhận ở đây.", "The field \"{field}\" is not accepted here."},
    {"error.unsupported_media_type", "Nội dung gửi lên phải là JSON (Content-Type: application/json).", "The request body must be JSON (Content-Type: application/json)."},
    {"error.validation_failed", "Giá trị của trường «{field}» không hợp lệ.", "The value of \"{field}\" is not valid."},
    {"error.version_conflict", "Hồ sơ vừa được người khác thay đổi (phiên bản hiện tại: {current}). Hãy tải lại và nhập lại thay đổi của bạn.", "Someone else changed this record (current version: {current}). Reload it and make your change again."},
    {"error.wrong_type", "Trường «{field}» phải là {expected}.", "The field \"{field}\" must be {expected}."},
    {"guard.case_not_assigned", "Bạn không được phân công vào hồ sơ này nên không thể mở (điều khoản I.3.c). Hãy đề nghị Giám đốc trung tâm phân công bạn vào hồ sơ.", "You are not assigned to this case, so you cannot open it (clause I.3.c). Ask the centre head to assign you to the case."},
    {"guard.child_education", "Kế hoạch của trẻ em phải bảo đảm việc tiếp tục học tập: trường, lớp, việc nhập học (điều khoản II.7.c).", "A child's plan must provide for continued study: school, grade, enrolment (clause II.7.c)."},
    {"guard.child_needs_guardian_consent", "Nạn nhân là trẻ em (điều khoản I.3.d): cần thêm sự đồng ý của người giám hộ hoặc người đại diện hợp pháp.", "The victim is a child (clause I.3.d): the consent of a guardian or legal representative is needed as well."},
    {"guard.child_needs_own_consent", "Nạn nhân là trẻ em (điều khoản I.3.d): cần cả sự đồng ý của chính trẻ, không chỉ của người giám hộ.", "The victim is a child (clause I.3.d): the child's own consent is needed too, not only the guardian's."},
    {"guard.child_view_overruled", "Nơi tái hòa nhập khác với lựa chọn của trẻ (điều khoản I.5.d): hãy ghi lý do quyết định này bảo đảm an toàn cho trẻ.", "The destination differs from the child's choice (clause I.5.d): record why this decision serves the child's safety."},
    {"guard.closure_checklist", "Chưa thể kết thúc hỗ trợ (điều khoản II.8.c): hãy hoàn thành bảng kiểm kết thúc — sức khỏe đã cải thiện, tâm lý ổn định, tự tin với gia đình và cộng đồng, đã đánh giá triển vọng kinh tế và nguy cơ bị kỳ thị.", "The case cannot be closed yet (clause II.8.c): complete the closure checklist — health improved, psychological condition stable, confident in family and community, economic prospects and discrimination risks assessed."},
    {"guard.closure_without_victim", "Chưa thể kết thúc hỗ trợ (điều khoản I.5.b): hãy ghi nhận nạn nhân đồng ý kết thúc hỗ trợ.", "The case cannot be closed yet (clause I.5.b): record that the victim agrees to end the support."},
    {"guard.closure_without_views", "Chưa thể kết thúc hỗ trợ (điều khoản I.4.c): hãy ghi lại ý kiến của nạn nhân về việc kết thúc hỗ trợ trong một bảng kiểm kết thúc mới.", "The case cannot be closed yet (clause I.4.c): record the victim's views on ending the support in a new closure checklist."},
    {"guard.conflict_of_interest_undeclared", "Khi được phân công, cán bộ phải cam kết không có xung đột lợi ích với nạn nhân (điều khoản III.2.c).", "On assignment, the staff member must declare no conflict of interest with the victim (clause III.2.c)."},
    {"guard.consent_does_not_cover", "Sự đồng ý đang có hiệu lực không bao gồm: {categories} (điều khoản I.3.b). Hãy bỏ các loại thông tin này hoặc xin thêm sự đồng ý.", "The consent in force does not cover: {categories} (clause I.3.b). Leave these out, or ask for consent to them."},
    {"guard.consent_not_informed", "Sự đồng ý chỉ có giá trị khi người đồng ý đã được cho biết thông tin nào sẽ được cung cấp, cho ai và vì sao (điều khoản I.3.b).", "Consent counts only when the person was told what would be shared, with whom and why (clause I.3.b)."},
    {"guard.designated_not_available", "Nạn nhân chỉ có thể chọn một cán bộ của trung tâm đã được thẩm tra khi tuyển dụng (điều khoản II.1.d).", "The victim can designate only a screened member of the centre's staff (clause II.1.d)."},
    {"guard.destination_not_chosen", "Chưa thể bắt đầu tái hòa nhập (điều khoản II.7.a): hãy ghi nhận nơi tái hòa nhập do chính nạn nhân lựa chọn — gia đình mình, gia đình mới hay cộng đồng mới.", "Reintegration cannot start yet (clause II.7.a): record where the victim has chosen to reintegrate — their own family, a new family or a new community."},
    {"guard.disadvantage_consultation", "Nạn nhân có khó khăn về thể chất hoặc tinh thần (điều khoản I.5.c): trước quyết định này, hãy tham vấn chuyên gia và người thân của nạn nhân và ghi lại.", "The victim has a physical or mental disadvantage (clause I.5.c): before this decision, consult an expert and the victim's relatives, and record it."},
    {"guard.disclosure_needs_head", "Thông tin về nạn nhân chỉ được cung cấp ra ngoài khi Giám đốc trung tâm phê duyệt (điều khoản I.3.a): hãy đề nghị Giám đốc ghi nhận việc cung cấp.", "Information about the victim leaves only with the centre head's approval (clause I.3.a): ask the centre head to record the disclosure."},
    {"guard.erasure_case_open", "Chỉ xoá được hồ sơ đã đóng: mục đích xử lý dữ liệu của nạn nhân chỉ kết thúc khi việc hỗ trợ kết thúc (Luật Bảo vệ dữ liệu cá nhân). Hãy đóng hồ sơ trước.", "Only a closed case can be erased: the purpose of processing the victim's data ends only when the support ends (Law on Personal Data Protection). Close the case first."},
    {"guard.erasure_legal_hold", "Hồ sơ đang bị giữ theo yêu cầu của {authority}, nên không được xoá. Hãy gỡ lệnh giữ khi cơ quan đó không còn cần hồ sơ.", "The file is under a legal hold for {authority}, so it cannot be erased. Lift the hold once that authority no longer needs the file."},
    {"guard.identification_after_care", "Chưa thể phỏng vấn xác minh nạn nhân (điều khoản II.1.e): trước hết hãy ghi nhận {missing}.", "The identification interview cannot happen yet (clause II.1.e): first record {missing}."},
    {"guard.interview_incomplete", "Hãy ghi địa điểm phỏng vấn và những người có mặt (điều khoản II.2.b).", "Record where the interview took place and who was present (clause II.2.b)."},
    {"guard.lost_contact_attempts", "Chưa thể đóng hồ sơ vì mất liên lạc (điều khoản II.8.d): cần ít nhất {min_attempts} lần liên lạc không thành qua ít nhất {min_channels} kênh (nạn nhân, gia đình, nhà cung cấp dịch vụ); hiện có {attempts} lần qua {channels} kênh.", "The case cannot be closed for lost contact yet (clause II.8.d): record at least {min_attempts} unanswered attempts over at least {min_channels} channels (the victim, the family, service providers); so far {attempts} over {channels}."},
    {"guard.missing.counselling", "một buổi tư vấn tâm lý ban đầu", "a first counselling session"},
    {"guard.missing.health_and_counselling", "một lần khám sức khỏe và một buổi tư vấn tâm lý ban đầu", "a health check and a first counselling session"},
    {"guard.missing.health_check", "một lần khám sức khỏe", "a health check"},
    {"guard.needs_qualification", "Việc này chỉ do cán bộ có chuyên môn thực hiện (điều khoản I.2.d): cần có {qualification} trong hồ sơ cán bộ.", "Only qualified staff may do this (clause I.2.d): it needs {qualification} on the staff profile."},
    {"guard.no_complaint_yet", "Chưa có khiếu nại nào trong hồ sơ để giải quyết (điều khoản I.1.d): hãy ghi nhận khiếu nại trước.", "There is no complaint on this case to resolve yet (clause I.1.d): record the complaint first."},
    {"guard.no_consent", "Chưa có sự đồng ý còn hiệu lực của nạn nhân cho người nhận và mục đích này (điều khoản I.3.b): hãy giải thích cho nạn nhân và ghi nhận sự đồng ý trước.", "There is no consent in force from the victim for this recipient and purpose (clause I.3.b): explain it to the victim and record their consent first."},
    {"guard.no_consent_yet", "Chưa có sự đồng ý nào trong hồ sơ để rút lại (điều khoản I.3.b): hãy ghi nhận sự đồng ý trước.", "There is no consent on this case to withdraw yet (clause I.3.b): record the consent first."},
    {"guard.no_final_plan", "Chưa thể bắt đầu tái hòa nhập (điều khoản II.5.e): cần có kế hoạch tái hòa nhập chính thức, đầy đủ.", "Reintegration cannot start yet (clause II.5.e): a final, complete reintegration plan is needed."},
    {"guard.no_need_yet", "Chưa có nhu cầu nào được xác định trong hồ sơ để đáp ứng (điều khoản I.2.a): hãy cùng nạn nhân xác định và ghi nhận nhu cầu trước.", "No need has been identified on this case yet (clause I.2.a): identify the need with the victim and record it first."},
    {"guard.no_referral_yet", "Chưa có lần chuyển gửi nào trong hồ sơ để cập nhật (điều khoản II.6.e): hãy ghi nhận việc chuyển gửi trước.", "There is no referral on this case to update yet (clause II.6.e): record the referral first."},
    {"guard.own_assessment_missing", "Chưa thể lập kế hoạch (điều khoản II.4.d): mỗi người cần được đánh giá rủi ro khi trở về trong hồ sơ của chính mình, kể cả khi đến cùng nhóm hay gia đình.", "Planning cannot begin yet (clause II.4.d): each person needs their own return risk assessment on their own file, even when they came with a group or family."},
    {"guard.package_not_for_referral", "Hồ sơ chuyển gửi phải thuộc một lần chuyển gửi của hồ sơ này và gửi đúng nhà cung cấp dịch vụ đó (điều khoản II.6.d).", "A referral package must belong to a referral of this case and go to that referral's provider (clause II.6.d)."},
    {"guard.plan_actions_without_needs", "Mỗi hoạt động của kế hoạch chính thức phải gắn với một nhu cầu đã ghi nhận trong hồ sơ (điều khoản II.5.c): hãy ghi nhận nhu cầu trước rồi chọn cho từng hoạt động.", "Each action of a final plan must answer a need recorded on the case (clause II.5.c): record the need first, then choose it for every action."},
    {"guard.plan_incomplete", "Kế hoạch chính thức phải có mục đích, khó khăn, các bước thực hiện, thời gian và các nhà cung cấp dịch vụ (điều khoản II.5.e).", "A final plan needs its purposes, challenges, procedures, time frame and service providers (clause II.5.e)."},
    {"guard.plan_stale_risk_assessment", "Kế hoạch phải dựa trên lần đánh giá rủi ro mới nhất (điều khoản II.4.c); hãy chọn lần đánh giá gần đây nhất.", "The plan must build on the latest risk assessment (clause II.4.c); choose the most recent one."},
    {"guard.plan_without_actions", "Kế hoạch chính thức cần ít nhất một hoạt động, mỗi hoạt động đáp ứng một nhu cầu đã ghi nhận của nạn nhân (điều khoản II.5.c).", "A final plan needs at least one action, each answering a recorded need of the victim (clause II.5.c)."},
    {"guard.plan_without_risk_assessment", "Chưa thể lập kế hoạch (điều khoản II.4.c): trước hết hãy đánh giá rủi ro khi trở về.", "The plan cannot be written yet (clause II.4.c): first assess the risks of return."},
    {"guard.plan_without_strengths", "Kế hoạch chính thức phải dựa trên điểm mạnh, khả năng, nguyện vọng của nạn nhân và các nguồn lực sẵn có (điều khoản II.5.b).", "A final plan must build on the victim's strengths, abilities, aspirations and the resources available (clause II.5.b)."},
    {"guard.plan_without_victim", "Kế hoạch chính thức phải được quyết định cùng nạn nhân (điều khoản I.5.b): hãy ghi nhận sự tham gia của nạn nhân.", "A final plan is decided with the victim (clause I.5.b): record the victim's participation."},
    {"guard.provider_list_not_given", "Chưa thể chuyển gửi (điều khoản II.6.a): hãy đưa cho nạn nhân danh sách các nhà cung cấp dịch vụ và ghi nhận việc này.", "The referral cannot be made yet (clause II.6.a): first give the victim the list of service providers, and record it."},
    {"guard.record_about_self", "Không ai tự ghi nhận về chính mình (điều khoản {clause}): việc thẩm tra, bằng cấp, đào tạo, giám sát của một cán bộ phải do người khác ghi — Giám đốc khác của trung tâm, hoặc quản trị viên đối với Giám đốc.", "Nobody records facts about themselves (clause {clause}): a staff member's screening, qualifications, training and supervision are recorded by someone else — another centre head, or an administrator for a centre head."},
    {"guard.referral_without_recovery_assessment", "Chưa thể chuyển gửi (điều khoản II.6.b): hãy đánh giá tình hình phục hồi của nạn nhân trong vòng {days} ngày trước khi chuyển gửi.", "The referral cannot be made yet (clause II.6.b): assess the victim's recovery within the {days} days before referring."},
    {"guard.referral_without_victim_agreement", "Chưa thể chuyển gửi (điều khoản II.6.c): hãy ghi lại ý kiến của nạn nhân và sự đồng ý của họ.", "The referral cannot be made yet (clause II.6.c): record the victim's opinion and their agreement."},
    {"guard.reintegration_not_assessed", "Chưa thể bắt đầu tái hòa nhập (điều khoản II.7.b): cần đánh giá tình hình phục hồi của nạn nhân và đánh giá an toàn của nơi tái hòa nhập, và nơi đó được đánh giá là an toàn.", "Reintegration cannot start yet (clause II.7.b): assess the victim's recovery and the safety of the place of reintegration, and find the place safe."},
    {"guard.release_designated", "Đây là cán bộ do nạn nhân lựa chọn (điều khoản II.1.d): chỉ nạn nhân mới đổi, bằng cách chọn người khác.", "The victim chose this staff member (clause II.1.d): only the victim can change that, by choosing someone else."},
    {"guard.release_not_on_case", "Cán bộ này không phụ trách hồ sơ (điều khoản I.3.c).", "This staff member is not on the case (clause I.3.c)."},
    {"guard.repatriation_declined", "Nạn nhân đã cho biết không muốn trở về nước (điều khoản I.5.a, I.5.b): không thể hồi hương trái với mong muốn của họ.", "The victim has said they do not wish to return (clauses I.5.a, I.5.b): repatriation cannot go against their wish."},
    {"guard.repatriation_not_assessed", "Chưa thể hoàn tất hồi hương (điều khoản I.5.a): cần đánh giá an toàn khi trở về nước cho kết quả an toàn.", "The repatriation cannot be completed yet (clause I.5.a): a safety assessment of the return must find it safe."},
    {"guard.repatriation_not_foreign", "Hồi hương chỉ dành cho nạn nhân là người nước ngoài (điều khoản I.5.a); hãy kiểm tra quốc tịch trong hồ sơ.", "Repatriation is for foreign victims (clause I.5.a); check the nationality on the file."},
    {"guard.repatriation_wish_missing", "Chưa thể hồi hương (điều khoản I.5.a): hãy hỏi và ghi nhận nạn nhân có muốn trở về nước hay không, cùng liên hệ lãnh sự.", "Repatriation cannot begin yet (clause I.5.a): ask the victim whether they wish to return home, and record it with the consular contact."},
    {"guard.repatriation_without_consul", "Chưa thể hồi hương (điều khoản I.5.a): hãy ghi liên hệ lãnh sự của nước nạn nhân.", "Repatriation cannot begin yet (clause I.5.a): record the consular contact of the victim's country."},
    {"guard.safety_guidance", "Chưa thể bắt đầu tái hòa nhập (điều khoản I.1.c): hãy hướng dẫn nạn nhân về an toàn và sức khỏe, và ghi lại buổi hướng dẫn.", "Reintegration cannot start yet (clause I.1.c): first give the victim guidance on safety and health, and record it."},
    {"guard.safety_guidance_child", "Chưa thể bắt đầu tái hòa nhập (điều khoản I.1.c): hãy hướng dẫn trẻ về an toàn và sức khỏe theo cách phù hợp với trẻ em, và ghi lại buổi hướng dẫn.", "Reintegration cannot start yet (clause I.1.c): first give the child guidance on safety and health in a way suited to a child, and record it."},
    {"guard.staff_gender_mismatch", "Nạn nhân mong muốn được hỗ trợ bởi cán bộ có giới tính khác (điều khoản I.2.b): hãy phân công cán bộ phù hợp, hoặc ghi lý do nếu không thể.", "The victim prefers staff of another gender (clause I.2.b): assign someone who matches, or write down why that is not possible."},
    {"guard.staff_gender_unknown", "Nạn nhân mong muốn cán bộ có giới tính nhất định (điều khoản I.2.b), nhưng hồ sơ cán bộ này chưa ghi giới tính: hãy cập nhật hồ sơ cán bộ, hoặc ghi lý do phân công.", "The victim prefers staff of a given gender (clause I.2.b), but this staff member's profile does not record theirs: update the staff profile, or write down the reason for the assignment."},
    {"guard.staff_language_mismatch", "Cán bộ này không nói ngôn ngữ của nạn nhân (điều khoản II.1.b): hãy phân công cán bộ phù hợp, hoặc ghi lý do (ví dụ có phiên dịch).", "This staff member does not speak the victim's language (clause II.1.b): assign someone who does, or write down why not (an interpreter, for example)."},
    {"guard.staff_not_screened", "Cán bộ này chưa được ghi nhận thẩm tra khi tuyển dụng: năng lực, trình độ, đạo đức và lý lịch tư pháp (điều khoản III.1.b). Giám đốc cần ghi nhận trước.", "This staff member's recruitment screening is not on record: ability, qualifications, moral standing and judicial record (clause III.1.b). The centre head must record it first."},
    {"guard.staff_self_assignment", "Không ai tự đưa mình vào hồ sơ (điều khoản I.3.c): ai được mở hồ sơ của nạn nhân phải do người khác quyết định. Hãy nhờ một Giám đốc khác phân công bạn, hoặc mở khẩn cấp hồ sơ (có lý do, có thời hạn và hiện trên hồ sơ).", "Nobody puts themselves on a case (clause I.3.c): who may open a victim's file is decided by someone else. Ask another centre head to assign you, or open the case in an emergency (break-glass: with a reason, for a limited time, shown on the case)."},
    {"guard.transfer_closed", "Hồ sơ đã đóng: hãy mở lại hồ sơ trước khi chuyển sang trung tâm khác.", "The case is closed: reopen it before transferring it to another centre."},
    {"guard.transition_not_allowed", "Không thể {action} khi hồ sơ đang ở giai đoạn «{stage}».", "You cannot {action} while the case is at the stage \"{stage}\"."},
    {"guard.unknown_complaint", "Không có khiếu nại này trong hồ sơ (điều khoản I.1.d).", "There is no such complaint on this case (clause I.1.d)."},
    {"guard.unknown_consent", "Không có sự đồng ý này trong hồ sơ (điều khoản I.3.b).", "There is no such consent on this case (clause I.3.b)."},
    {"guard.unknown_legal_hold", "Không có lệnh giữ hồ sơ nào như vậy đang có hiệu lực trong hồ sơ này.", "There is no such legal hold in force on this case."},
    {"guard.unknown_need", "Không có nhu cầu này trong hồ sơ (điều khoản I.2.a); hãy ghi nhận nhu cầu trước.", "There is no such need on this case (clause I.2.a); record the need first."},
    {"guard.unknown_referral", "Không có lần chuyển gửi này trong hồ sơ (điều khoản II.6.e).", "There is no such referral on this case (clause II.6.e)."},
    {"guard.unknown_staff", "Người này không phải cán bộ của trung tâm (điều khoản III.1.b).", "This person is not on the centre's staff (clause III.1.b)."},
    {"guard.victim_views_missing", "Hãy ghi lại ý kiến của nạn nhân về quyết định này (điều khoản I.4.c).", "Record the victim's views on this decision (clause I.4.c)."},
    {"progress.counselling_session", "Bạn đã gặp cán bộ tư vấn tâm lý.", "You met a counsellor."},
    {"progress.follow_up_contact", "Cán bộ đã liên lạc để hỏi thăm bạn sau khi bạn về.", "Staff got in touch to see how you are after you left."},
    {"progress.health_check", "Bạn đã được khám sức khỏe.", "You had a health check."},
    {"progress.identification_interview", "Bạn đã tham gia buổi phỏng vấn xác minh.", "You took part in the identification interview."},
    {"progress.information_provided", "Bạn đã được cung cấp thông tin về các dịch vụ và quá trình tái hòa nhập.", "You were told about the services and about going back to community life."},
    {"progress.intake_assessment", "Cán bộ đã tìm hiểu tình trạng sức khỏe và tinh thần của bạn khi bạn đến.", "Staff learned how you were, in body and mind, when you arrived."},
    {"progress.location_safety_assessment", "Cán bộ đã kiểm tra và thấy nơi bạn sẽ sống là an toàn.", "Staff checked the place you will live and found it safe."},
    {"progress.next.assessment", "Tiếp theo: cùng bạn xem xét những rủi ro và điểm mạnh để chuẩn bị kế hoạch.", "Next: looking with you at risks and strengths, to prepare your plan."},
    {"progress.next.closed", "Việc hỗ trợ đã kết thúc. Bạn vẫn có thể liên hệ trung tâm khi cần.", "The support has ended. You can still contact the centre if you need to."},
    {"progress.next.identification", "Tiếp theo: hoàn tất việc xác minh, trong khi các nhu cầu thiết yếu của bạn vẫn được đáp ứng.", "Next: finishing identification, while your everyday needs are met."},
    {"progress.next.in_care", "Tiếp theo: chúng tôi tiếp tục chăm sóc bạn; khi bạn sẵn sàng, sẽ có buổi phỏng vấn xác minh.", "Next: we keep caring for you; when you are ready, there will be an identification interview."},
    {"progress.next.monitoring", "Tiếp theo: cán bộ sẽ định kỳ liên lạc với bạn để hỏi thăm và hỗ trợ khi cần.", "Next: staff will keep in touch regularly, and help if you need it."},
    {"progress.next.planning", "Tiếp theo: cùng bạn hoàn thiện kế hoạch và chọn nơi bạn sẽ sống.", "Next: finishing your plan with you and choosing where you will live."},
    {"progress.next.received", "Tiếp theo: bạn sẽ được chăm sóc, khám sức khỏe và gặp cán bộ tư vấn.", "Next: you will be cared for, have a health check and meet a counsellor."},
    {"progress.next.reintegration", "Tiếp theo: bạn trở về cộng đồng, với sự hỗ trợ theo kế hoạch.", "Next: you go back to community life, with the support in your plan."},
    {"progress.next.repatriation", "Tiếp theo: chuẩn bị cho bạn trở về nước an toàn, cùng cơ quan lãnh sự.", "Next: preparing your safe return home, with your consulate."},
    {"progress.orientation", "Bạn đã được giới thiệu nơi ở, nội quy và những điều cần biết.", "You were shown around, and told the rules and what you need to know."},
    {"progress.referral", "Bạn đã được giới thiệu đến một dịch vụ khác.", "You were referred to another service."},
    {"progress.reintegration_decision", "Bạn đã chọn nơi mình sẽ sống sau khi rời trung tâm.", "You chose where you will live after the centre."},
    {"progress.reintegration_plan", "Bạn và cán bộ đã lập kế hoạch tái hòa nhập.", "You and the staff made your reintegration plan."},
    {"progress.repatriation_safety_assessment", "Cán bộ đã kiểm tra và thấy việc bạn trở về nước là an toàn.", "Staff checked your return home and found it safe."},
    {"progress.return_risk_assessment", "Cán bộ đã cùng bạn xem xét những rủi ro khi trở về.", "Staff looked with you at the risks of going back."},
    {"progress.safety_guidance", "Bạn đã được hướng dẫn cách giữ an toàn và sức khỏe.", "You were given guidance on staying safe and healthy."},
    {"qualification.counselling", "chứng chỉ tư vấn tâm lý", "a counselling qualification"},
    {"qualification.identification_interview", "chứng chỉ phỏng vấn xác minh nạn nhân", "an identification interview qualification"},
    {"reason.before_referral", "Cần làm trước lần chuyển gửi đầu tiên.", "Due before the first referral."},
    {"reason.before_reintegration", "Cần làm trước khi tái hòa nhập.", "Due before reintegration."},
    {"reason.closed_before_reintegration", "Hồ sơ đã đóng trước giai đoạn tái hòa nhập.", "The case closed before reintegration."},
    {"reason.consultation_missing", "Chưa tham vấn chuyên gia và người thân.", "No consultation with an expert and the relatives yet."},
    {"reason.file_incomplete", "Hồ sơ còn thiếu thông tin bắt buộc: tiếp nhận đầy đủ, ngôn ngữ, đánh giá ban đầu, cán bộ phụ trách.", "The file lacks required information: a complete reception, languages, the intake assessment, a staff member on the case."},
    {"reason.guidance_missing", "Tái hòa nhập đã bắt đầu mà chưa hướng dẫn về an toàn và sức khỏe.", "Reintegration began without guidance on safety and health."},
    {"reason.late", "Đã làm nhưng quá hạn.", "Done, but after the deadline."},
    {"reason.needs_open", "Còn nhu cầu chưa có dịch vụ đáp ứng hay chuyển gửi.", "Some needs have no service delivered or referred yet."},
    {"reason.no_complaint", "Chưa có phản ánh hay khiếu nại nào.", "No feedback or complaint has been recorded."},
    {"reason.no_crisis", "Chưa buổi tư vấn nào ghi nhận khủng hoảng.", "No counselling session recorded a crisis."},
    {"reason.no_disadvantage", "Chưa ghi nhận khó khăn về thể chất hay tinh thần.", "No physical or mental disadvantage has been noted."},
    {"reason.no_needs", "Chưa ghi nhận nhu cầu nào.", "No need has been recorded."},
    {"reason.no_plan", "Chưa có kế hoạch tái hòa nhập.", "There is no reintegration plan yet."},
    {"reason.no_referral", "Không có lần chuyển gửi nào.", "There was no referral."},
    {"reason.not_a_child", "Người này không được xem là trẻ em.", "This person is not treated as a child."},
    {"reason.not_foreign", "Nạn nhân không phải người nước ngoài.", "The victim is not a foreign national."},
    {"reason.not_yet_due", "Chưa đến hạn.", "Not due yet."},
    {"reason.overdue", "Đã quá hạn mà chưa làm.", "Overdue and not done."},
    {"reason.overridden", "Giám đốc đã bỏ qua yêu cầu này, có ghi lý do: tính là chưa đạt.", "The centre head passed over this requirement with a reason: it counts as not met."},
    {"reason.referred_before_list", "Đã chuyển gửi trước khi đưa danh sách nhà cung cấp dịch vụ cho nạn nhân.", "A referral was made before the victim was given the list of providers."},
    {"reason.repatriation_wish_missing", "Chưa hỏi nạn nhân có muốn trở về nước hay không.", "The victim has not been asked whether they wish to return home."},
    {"reason.victim_not_involved", "Kế hoạch hiện hành không ghi nhận sự tham gia của nạn nhân.", "The plan in force does not record the victim's participation."},
    {"stage.assessment", "Đánh giá", "Assessment"},
    {"stage.closed", "Đã kết thúc", "Closed"},
    {"stage.identification", "Xác minh nạn nhân", "Identification"},
    {"stage.in_care", "Đang chăm sóc", "In care"},
    {"stage.monitoring", "Theo dõi", "Monitoring"},
    {"stage.planning", "Lập kế hoạch", "Planning"},
    {"stage.received", "Đã tiếp nhận", "Received"},
    {"stage.reintegration", "Tái hòa nhập", "Reintegration"},
    {"stage.repatriation", "Hồi hương", "Repatriation"},
    {"task.child_information_decision", "Quyết định thông tin nào cần cho trẻ biết và cách truyền đạt (I.4.b)", "Decide what information to give the child and how (I.4.b)"},
    {"task.complaint_resolution", "Giải quyết phản ánh, khiếu nại của nạn nhân (I.1.d)", "Resolve the victim's complaint (I.1.d)"},
    {"task.consultation", "Trao đổi định kỳ với nạn nhân về tình trạng và dịch vụ đang nhận (I.2.c)", "Regular consultation with the victim on their condition and services (I.2.c)"},
    {"task.crisis_intervention", "Can thiệp khủng hoảng ngay (II.3.b)", "Provide crisis intervention now (II.3.b)"},
    {"task.essential_needs", "Bảo đảm nhu cầu thiết yếu: ăn, ở, quần áo, chăm sóc y tế (II.2.c)", "Ensure essential needs: food, shelter, clothing, medical care (II.2.c)"},
    {"task.first_counselling", "Buổi tư vấn tâm lý đầu tiên (II.3.a)", "First counselling session (II.3.a)"},
    {"task.follow_up_contact", "Liên hệ theo dõi với nạn nhân, gia đình hoặc chính quyền địa phương (II.8.a)", "Follow-up contact with the victim, the family or the local authority (II.8.a)"},
    {"task.information_provided", "Cung cấp thông tin về dịch vụ và quá trình tái hòa nhập (I.4.a)", "Give information on services and the reintegration process (I.4.a)"},
    {"task.intake_assessment", "Đánh giá thể chất, tinh thần và tâm lý ban đầu (I.1.b)", "Intake assessment: physical, mental and psychological (I.1.b)"},
    {"task.orientation", "Giới thiệu nơi ở, nội quy và thông tin cần thiết (II.1.c)", "Orientation: layout, rules and necessary information (II.1.c)"},
    {"task.plan_review", "Rà soát và cập nhật kế hoạch tái hòa nhập (II.5.d)", "Review and update the reintegration plan (II.5.d)"},
    {"task.referral_follow_up", "Theo dõi kết quả chuyển gửi (II.6.e)", "Follow up the referral's outcome (II.6.e)"},
    {"task.residence_reassessment", "Đánh giá lại an toàn và sức khỏe tại nơi ở (I.1.a)", "Reassess safety and health at the place of residence (I.1.a)"},
    {"task.return_risk_assessment", "Đánh giá rủi ro khi trở về (II.4.b)", "Return risk assessment (II.4.b)"},
    {"type.array", "một danh sách", "a list"},
    {"type.boolean", "đúng hoặc sai (true/false)", "true or false"},
    {"type.integer", "một số nguyên", "a whole number"},
    {"type.object", "một đối tượng JSON", "a JSON object"},
    {"type.string", "một chuỗi văn bản", "a text string"},
    {"validation.age_range", "Tuổi ước tính phải từ 0 đến 120.", "The estimated age must be between 0 and 120."},
    {"validation.backup_format", "Tệp này không phải một bản sao lưu Haven mà phiên bản này đọc được (trường «{field}»).",
     "This file is not a Haven backup this version can read (field \"{field}\")."},
    {"validation.birth_date_future", "Ngày sinh không thể ở tương lai.", "The date of birth cannot be in the future."},
    {"validation.break_glass_minutes", "Thời hạn mở khẩn cấp phải từ 1 đến {max} phút.", "An emergency opening lasts between 1 and {max} minutes."},
    {"validation.break_glass_reason", "Hãy ghi lý do mở khẩn cấp hồ sơ; lý do được lưu trong hồ sơ và nhật ký.", "Write why you are opening this case in an emergency; the reason is kept on the case and in the audit log."},
    {"validation.case_code", "Trường «{field}» phải là mã hồ sơ, ví dụ HV-7K3M-Q9PX.", "\"{field}\" must be a case code, such as HV-7K3M-Q9PX."},
    {"validation.categories_empty", "Hãy chọn ít nhất một loại thông tin sẽ được gửi.", "Choose at least one category of information to send."},
    {"validation.correction_reason", "Hãy ghi lý do sửa; lý do được lưu trong lịch sử hồ sơ cùng giá trị cũ.", "Write why you are correcting it; the reason is kept in the case's history with the earlier value."},
    {"validation.correction_unchanged", "Chưa có gì thay đổi so với thông tin đang lưu.", "Nothing differs from what is recorded."},
    {"validation.date_format", "Trường «{field}» phải là ngày dạng NNNN-TT-NN, ví dụ 2009-03-14.", "\"{field}\" must be a date written YYYY-MM-DD, for example 2009-03-14."},
    {"validation.document_category", "Hãy chọn loại thông tin của tài liệu (nhân thân, sức khỏe...): tài liệu chỉ được chuyển đi khi người được hỗ trợ đồng ý chia sẻ loại thông tin đó.", "Choose what kind of information the document holds (identity, health...): it leaves only where the person consented to share that kind."},
    {"validation.document_empty", "Tệp rỗng: hãy chọn lại tệp cần đính kèm.", "The file is empty: choose the file to attach again."},
    {"validation.document_name", "Tên tài liệu phải có từ 1 đến 200 ký tự, không chứa ký tự đánh dấu (< >) hay dấu / \\.", "The document's name must be 1 to 200 characters, without markup characters (< >) or / \\."},
    {"validation.document_record", "Hồ sơ này không có bản ghi được chọn để gắn tài liệu.", "This case has no such record to attach the document to."},
    {"validation.draft_form", "Tên biểu mẫu của bản nháp không hợp lệ (chỉ chữ thường không dấu, số, dấu chấm, gạch ngang và gạch dưới; tối đa 64 ký tự).", "The draft's form name is not valid (lower-case letters, digits, '.', '-' and '_' only; at most 64)."},
    {"validation.enum", "Trường «{field}» phải là một trong: {allowed}.", "\"{field}\" must be one of: {allowed}."},
    {"validation.erasure_code_mismatch", "Hãy gõ lại đúng mã hồ sơ để xác nhận: việc xoá không thể hoàn tác.", "Type the case code exactly to confirm: erasure cannot be undone."},
    {"validation.follow_up_interval", "Chu kỳ theo dõi phải từ 1 đến {max} ngày.", "The follow-up interval must be between 1 and {max} days."},
    {"validation.forbidden_characters", "Trường «{field}» có ký tự không được phép (ví dụ < > ; hoặc ký tự điều khiển).", "\"{field}\" contains characters that are not allowed (such as < > ; or control characters)."},
    {"validation.idempotency_key", "Khoá chống gửi trùng (Idempotency-Key) không hợp lệ: từ 1 đến 255 ký tự ASCII nhìn thấy được.", "The Idempotency-Key is not valid: 1 to 255 visible ASCII characters."},
    {"validation.idempotency_key_reused", "Khoá chống gửi trùng này đã được dùng cho một yêu cầu khác; mỗi lần gửi biểu mẫu cần một khoá mới.", "This Idempotency-Key was used for another request; each submission of a form needs a key of its own."},
    {"validation.key_export_format", "Tệp này không phải tệp khoá đã xuất bằng `haven keys export`.",
     "This file is not a key file exported by `haven keys export`."},
    {"validation.key_export_passphrase", "Mật khẩu sai, hoặc tệp khoá xuất đã bị thay đổi.",
     "The passphrase is wrong, or the exported key file was changed."},
    {"validation.language_tag", "Mỗi ngôn ngữ phải là mã ngôn ngữ, ví dụ vi, en, km.", "Each language must be a language code, for example vi, en, km."},
    {"validation.language_unsupported", "Ngôn ngữ phải là «vi» (tiếng Việt) hoặc «en» (tiếng Anh).", "The language must be \"vi\" (Vietnamese) or \"en\" (English)."},
    {"validation.languages_required", "Hãy chọn ít nhất một ngôn ngữ người này sử dụng.", "Choose at least one language the person speaks."},
    {"validation.nationality", "Quốc tịch phải là mã quốc gia hai chữ cái, ví dụ VN.", "The nationality must be a two-letter country code, for example VN."},
    {"validation.notification_keys", "Hãy chọn từ 1 đến {max} thông báo để đánh dấu là đã đọc.", "Choose from 1 to {max} notifications to mark read."},
    {"validation.notification_keys_or_all", "Hãy gửi các thông báo cần đánh dấu hoặc “tất cả”, không gửi cả hai.", "Send either the notifications to mark or \"all\", not both."},
    {"validation.occurred_at_future", "Thời điểm diễn ra không thể ở tương lai.", "The time it happened cannot be in the future."},
    {"validation.occurred_before_reception", "Thời điểm diễn ra không thể trước khi tiếp nhận người này.", "The time it happened cannot be before the person was received."},
    {"validation.organisation_only_for_providers", "Chỉ tài khoản của nhà cung cấp dịch vụ bên ngoài mới ghi tên tổ chức.", "Only an external provider's account names an organisation."},
    {"validation.organisation_required", "Tài khoản của nhà cung cấp dịch vụ bên ngoài phải ghi tên tổ chức, đúng như khi chuyển gửi.", "An external provider's account must name its organisation, as referrals name it."},
    {"validation.package_kind_transfer", "Chuyển hồ sơ sang trung tâm khác dùng chức năng «Chuyển hồ sơ», không phải gói thông tin.", "Transferring a case to another centre uses \"Transfer case\", not a disclosure package."},
    {"validation.password_common", "Mật khẩu này nằm trong danh sách mật khẩu hay bị dùng nhất và dễ bị đoán. Hãy chọn một câu dài mà chỉ bạn nhớ.", "This password is on the list of the most used passwords and is easy to guess. Choose a long phrase only you would remember."},
    {"validation.password_contains_username", "Mật khẩu không được chứa tên đăng nhập.", "The password must not contain the username."},
    {"validation.password_length", "Mật khẩu phải có từ {min} đến {max} ký tự. Một câu dài dễ nhớ là mật khẩu tốt.", "The password must be {min} to {max} characters long. A long phrase you remember makes a good password."},
    {"validation.password_pattern", "Mật khẩu này chỉ là một ký tự hoặc một dãy lặp lại (như 111111111111 hay abcdefghijkl) và dễ bị đoán. Hãy chọn một câu dài mà chỉ bạn nhớ.", "This password is one character or a run repeated (like 111111111111 or abcdefghijkl) and is easy to guess. Choose a long phrase only you would remember."},
    {"validation.period_order", "Ngày kết thúc phải sau ngày bắt đầu.", "The end date must come after the start date."},
    {"validation.query_parameter", "Tham số «{field}» không hợp lệ.", "The query parameter \"{field}\" is not valid."},
    {"validation.received_after_records", "Thời điểm tiếp nhận không thể muộn hơn việc đầu tiên đã ghi trong hồ sơ; hãy kiểm tra lại ngày giờ.", "The reception cannot be later than the first thing recorded on the case; check the date and time."},
    {"validation.received_at_future", "Thời điểm tiếp nhận không thể ở tương lai (II.1.a).", "The time of reception cannot be in the future (II.1.a)."},
    {"validation.record_type_system", "Loại hồ sơ này do hệ thống ghi, không thể tạo trực tiếp.", "This kind of record is written by the system and cannot be created directly."},
    {"validation.required", "Trường «{field}» là bắt buộc.", "\"{field}\" is required."},
    {"validation.subject_centre", "Loại hồ sơ này là của trung tâm, không gắn với cán bộ nào.", "This kind of record is about the centre, not a staff member."},
    {"validation.subject_staff", "Hãy chọn một cán bộ của trung tâm.", "Choose a member of the centre's staff."},
    {"validation.timestamp_format", "Trường «{field}» phải là thời điểm dạng 2026-11-27T07:30:00Z.", "\"{field}\" must be a time written like 2026-11-27T07:30:00Z."},
    {"validation.too_long", "Trường «{field}» quá dài (tối đa {max} ký tự).", "\"{field}\" is too long (at most {max} characters)."},
    {"validation.too_many", "Trường «{field}» có quá nhiều mục (tối đa {max}).", "\"{field}\" has too many items (at most {max})."},
    {"validation.transfer_centre", "Hãy chọn một trung tâm khác để chuyển hồ sơ đến.", "Choose another centre to transfer the case to."},
    {"validation.transfer_centre_ambiguous", "Có nhiều trung tâm trùng tên này; sự đồng ý của nạn nhân không phân biệt được. Hãy đặt tên riêng cho từng trung tâm trước.", "Several centres have this name, so the victim's consent cannot tell them apart. Give each centre its own name first."},
    {"validation.unknown_clause", "Không có điều khoản này trong Tiêu chuẩn tối thiểu; hãy chọn một điều khoản trong danh sách.", "There is no such clause in the Minimum Standards; choose a clause from the list."},
    {"validation.username", "Tên đăng nhập chỉ gồm chữ thường không dấu, chữ số và . _ - (2 đến 64 ký tự).", "A username has 2 to 64 lower-case letters, digits and . _ -."},
    {"validation.version", "Hãy gửi kèm «version» của hồ sơ bạn đã đọc.", "Send the \"version\" of the record you read."},
};

const Message* find(std::string_view key) {
  const auto* end = std::end(kMessages);
  const auto* it = std::lower_bound(std::begin(kMessages), end, key,
                                    [](const Message& m, std::string_view k) { return m.key < k; });
  return (it != end && it->key == key) ? it : nullptr;
}

}  // namespace

std::string_view language_tag(Language language) { return language == Language::en ? "en" : "vi"; }

Language negotiate_language(std::string_view header) {
  // Pick the supported language with the highest q-value; Vietnamese wins ties and the default.
  double best_vi = -1.0;
  double best_en = -1.0;
  std::size_t start = 0;
  while (start < header.size()) {
    std::size_t end = header.find(',', start);
    if (end == std::string_view::npos) end = header.size();
    std::string_view item = header.substr(start, end - start);
    start = end + 1;
    double q = 1.0;
    if (const auto semi = item.find(';'); semi != std::string_view::npos) {
      const auto qpos = item.find("q=", semi);
      if (qpos != std::string_view::npos) q = std::strtod(std::string(item.substr(qpos + 2)).c_str(), nullptr);
      item = item.substr(0, semi);
    }
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    const auto primary = item.substr(0, item.find('-'));
    if (primary == "vi" || primary == "VI") best_vi = std::max(best_vi, q);
    if (primary == "en" || primary == "EN") best_en = std::max(best_en, q);
  }
  return best_en > best_vi && best_en > 0.0 ? Language::en : Language::vi;
}

bool has_message(std::string_view key) { return find(key) != nullptr; }

std::string render_message(Language language, std::string_view key, const std::vector<MessageArg>& args) {
  const Message* message = find(key);
  if (!message) return std::string(key);
  std::string text(language == Language::en ? message->en : message->vi);
  for (const auto& arg : args) {
    const std::string placeholder = "{" + arg.name + "}";
    for (auto pos = text.find(placeholder); pos != std::string::npos; pos = text.find(placeholder, pos + arg.value.size())) {
      text.replace(pos, placeholder.size(), arg.value);
    }
  }
  return text;
}

std::vector<MessageArg> localize_args(Language language, const std::vector<MessageArg>& args) {
  std::vector<MessageArg> out;
  out.reserve(args.size());
  for (const auto& arg : args) {
    if (has_message(arg.value)) {
      out.push_back({arg.name, render_message(language, arg.value)});
      continue;
    }
    // A list of keys ("category.health, category.plan") renders item by item; anything else as it is.
    std::string rendered;
    bool all_keys = arg.value.find(", ") != std::string::npos;
    for (std::size_t start = 0; all_keys && start <= arg.value.size();) {
      const auto end = std::min(arg.value.find(", ", start), arg.value.size());
      const std::string_view item(arg.value.data() + start, end - start);
      all_keys = has_message(item);
      if (all_keys) rendered += (rendered.empty() ? "" : ", ") + render_message(language, item);
      start = end + 2;
    }
    out.push_back({arg.name, all_keys ? rendered : arg.value});
  }
  return out;
}

std::string default_message_key(ErrorCode code) { return "error." + std::string(to_string(code)); }

std::vector<std::string_view> all_message_keys() {
  std::vector<std::string_view> keys;
  for (const auto& m : kMessages) keys.push_back(m.key);
  return keys;
}

}  // namespace haven::i18n
