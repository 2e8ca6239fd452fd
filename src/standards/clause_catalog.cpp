// The 59 clauses of the Minimum Standards in Provision of Services to Victims of Human Trafficking
// (Ministry of Labour, Invalids and Social Affairs, Hanoi, November 2011) as data, in the standard's order,
// with what Haven does for each (../shared/standards/clauses.md), its kinds of mechanism and its parameters.
// text_en is verbatim from the 2011 English translation of the standard, slips included; the Vietnamese
// (titles, text_vi, software_vi, parameter descriptions) is the project's own translation, not the
// Ministry's wording. Canonical IDs: the second items printed "c)" in I.5 and "b)" in III.1 are I.5.d and
// III.1.c. Parameter defaults are the project's reading of "as soon as possible", "immediately" and
// "regularly"; deployments may change them (parameters.hpp).
#include "standards/clause.hpp"

#include <algorithm>
#include <array>

namespace haven::standards {
namespace {

constexpr unsigned kind(MechanismKind k) { return static_cast<unsigned>(k); }

// I.1.a
constexpr Parameter kResidenceSafetyParameters[] = {
    {
        .name = "residence_reassessment_days",
        .default_value = 90,
        .unit = ParameterUnit::days,
        .description_en = "Days between safety and health reassessments of the "
                          "place of residence while the case is monitored.",
        .description_vi = "Số ngày giữa hai lần đánh giá lại an toàn và sức "
                          "khỏe tại nơi cư trú trong thời gian theo dõi.",
    },
};

// I.1.b
constexpr Parameter kIntakeAssessmentParameters[] = {
    {
        .name = "intake_assessment_hours",
        .default_value = 24,
        .unit = ParameterUnit::hours,
        .description_en = "Hours after reception by which the intake assessment is due.",
        .description_vi = "Số giờ kể từ khi tiếp nhận mà đánh giá ban đầu phải hoàn thành.",
    },
};

// I.1.d
constexpr Parameter kComplaintParameters[] = {
    {
        .name = "complaint_resolution_days",
        .default_value = 14,
        .unit = ParameterUnit::days,
        .description_en = "Days within which a complaint counts as resolved on time.",
        .description_vi = "Số ngày mà trong đó khiếu nại được giải quyết thì được coi là đúng hạn.",
    },
};

// I.2.c
constexpr Parameter kConsultationParameters[] = {
    {
        .name = "consultation_interval_days",
        .default_value = 14,
        .unit = ParameterUnit::days,
        .description_en = "Days between consultations with a victim in care.",
        .description_vi = "Số ngày giữa hai buổi trao đổi với nạn nhân đang được chăm sóc.",
    },
};

// I.4.a
constexpr Parameter kServiceInformationParameters[] = {
    {
        .name = "information_hours",
        .default_value = 72,
        .unit = ParameterUnit::hours,
        .description_en = "Hours after reception by which information on services and reintegration is due.",
        .description_vi = "Số giờ kể từ khi tiếp nhận mà thông tin về dịch vụ và tái hòa nhập phải được cung cấp.",
    },
};

// II.1.c
constexpr Parameter kOrientationParameters[] = {
    {
        .name = "orientation_hours",
        .default_value = 24,
        .unit = ParameterUnit::hours,
        .description_en = "Hours after reception by which the orientation to the centre is due.",
        .description_vi = "Số giờ kể từ khi tiếp nhận mà việc hướng dẫn làm quen với cơ sở phải hoàn thành.",
    },
};

// II.3.a
constexpr Parameter kFirstCounsellingParameters[] = {
    {
        .name = "first_counselling_hours",
        .default_value = 24,
        .unit = ParameterUnit::hours,
        .description_en = "Hours after reception by which the first counselling session is due.",
        .description_vi = "Số giờ kể từ khi tiếp nhận mà buổi tư vấn tâm lý đầu tiên phải diễn ra.",
    },
};

// II.3.b
constexpr Parameter kCrisisInterventionParameters[] = {
    {
        .name = "crisis_intervention_hours",
        .default_value = 4,
        .unit = ParameterUnit::hours,
        .description_en = "Hours after a crisis is noted in counselling by which crisis intervention is due.",
        .description_vi = "Số giờ kể từ khi phát hiện khủng hoảng trong buổi tư "
                          "vấn mà việc can thiệp khủng hoảng phải thực hiện.",
    },
};

// II.4.b
constexpr Parameter kRiskAssessmentParameters[] = {
    {
        .name = "risk_assessment_days",
        .default_value = 7,
        .unit = ParameterUnit::days,
        .description_en = "Days after reception by which the return risk assessment is due.",
        .description_vi = "Số ngày kể từ khi tiếp nhận mà đánh giá rủi ro khi trở về phải hoàn thành.",
    },
};

// II.5.d
constexpr Parameter kPlanReviewParameters[] = {
    {
        .name = "plan_review_days",
        .default_value = 30,
        .unit = ParameterUnit::days,
        .description_en = "Days between reviews of the reintegration plan.",
        .description_vi = "Số ngày giữa hai lần rà soát kế hoạch tái hòa nhập.",
    },
};

// II.6.a
constexpr Parameter kProviderDirectoryParameters[] = {
    {
        .name = "provider_stale_days",
        .default_value = 180,
        .unit = ParameterUnit::days,
        .description_en = "Days after its last verification at which a directory entry is flagged stale.",
        .description_vi = "Số ngày kể từ lần xác minh gần nhất mà sau đó một mục trong danh bạ bị đánh dấu là đã cũ.",
    },
};

// II.6.b
constexpr Parameter kReferralRecoveryParameters[] = {
    {
        .name = "recovery_assessment_max_age_days",
        .default_value = 30,
        .unit = ParameterUnit::days,
        .description_en = "Maximum age in days of the recovery assessment a referral relies on.",
        .description_vi = "Số ngày tối đa tính từ bản đánh giá phục hồi mà việc chuyển gửi dựa vào.",
    },
};

// II.6.e
constexpr Parameter kReferralFollowUpParameters[] = {
    {
        .name = "referral_follow_up_days",
        .default_value = 14,
        .unit = ParameterUnit::days,
        .description_en = "Days after a referral is sent by which its outcome is followed up.",
        .description_vi = "Số ngày kể từ khi chuyển gửi mà kết quả chuyển gửi phải được theo dõi.",
    },
};

// II.8.b
constexpr Parameter kFollowUpParameters[] = {
    {
        .name = "follow_up_interval_days",
        .default_value = 30,
        .unit = ParameterUnit::days,
        .description_en = "Default days between follow-up contacts; each case may set its own.",
        .description_vi = "Số ngày mặc định giữa hai lần theo dõi; mỗi hồ sơ có thể đặt riêng.",
    },
};

// II.8.d
constexpr Parameter kLostContactParameters[] = {
    {
        .name = "lost_contact_min_attempts",
        .default_value = 3,
        .unit = ParameterUnit::count,
        .description_en = "Minimum documented contact attempts before a case is closed for lost contact.",
        .description_vi = "Số lần liên hệ tối thiểu phải được ghi nhận trước khi đóng hồ sơ vì mất liên lạc.",
    },
    {
        .name = "lost_contact_min_channels",
        .default_value = 2,
        .unit = ParameterUnit::count,
        .description_en = "Minimum number of different channels those attempts must use.",
        .description_vi = "Số kênh liên hệ khác nhau tối thiểu mà các lần liên hệ đó phải sử dụng.",
    },
};

// III.1.c
constexpr Parameter kSupervisionParameters[] = {
    {
        .name = "supervision_interval_days",
        .default_value = 30,
        .unit = ParameterUnit::days,
        .description_en = "Days within which each direct support staff member "
                          "should have a supervision or stress check-in.",
        .description_vi = "Số ngày mà trong đó mỗi cán bộ hỗ trợ trực tiếp cần có "
                          "ít nhất một buổi giám sát hoặc trao đổi về căng thẳng.",
    },
};

constexpr Clause kClauses[] = {
    {
        .id = "I.1.a",
        .part = "I",
        .title_en = "Safety and health during reintegration",
        .title_vi = "An toàn và sức khỏe trong quá trình tái hòa nhập",
        .text_en = "Victim support centers (shelters and social welfare centers) and relevant "
                   "authorities must ensure the safety and health of victims at their places "
                   "of work, study, and residence during the reintegration process.",
        .text_vi = "Cơ sở hỗ trợ nạn nhân (nhà tạm lánh và cơ sở bảo trợ xã hội) và các cơ quan có thẩm quyền liên "
                   "quan phải bảo đảm an toàn và sức khỏe của nạn nhân tại nơi làm việc, học tập và nơi cư trú trong "
                   "quá trình tái hòa nhập cộng đồng.",
        .software_en = "Haven records a safety and health assessment of each place where the "
                       "victim lives, works or studies during reintegration; one is due before "
                       "reintegration starts and again every 90 days while the case is monitored.",
        .software_vi = "Haven lưu đánh giá an toàn và sức khỏe của từng nơi nạn nhân cư trú, làm việc hoặc học tập "
                       "trong quá trình tái hòa nhập; đánh giá phải có trước khi bắt đầu tái hòa nhập và được thực "
                       "hiện lại sau mỗi 90 ngày trong thời gian theo dõi.",
        .kinds = kind(MechanismKind::record) | kind(MechanismKind::obligation),
        .parameters = kResidenceSafetyParameters,
    },
    {
        .id = "I.1.b",
        .part = "I",
        .title_en = "Intake assessment of the victim's condition",
        .title_vi = "Đánh giá ban đầu tình trạng của nạn nhân",
        .text_en = "Direct support staff must assess the physical, mental and psychological situation of the victims "
                   "in order to ensure their safety.",
        .text_vi = "Cán bộ hỗ trợ trực tiếp phải đánh giá tình trạng thể chất, tinh "
                   "thần và tâm lý của nạn nhân để bảo đảm an toàn cho nạn nhân.",
        .software_en = "Haven records an intake assessment of the victim's physical, mental and psychological "
                       "situation, due within 24 hours of reception.",
        .software_vi = "Haven lưu bản đánh giá ban đầu về tình trạng thể chất, tinh thần và tâm lý của nạn nhân; hạn "
                       "hoàn thành là 24 giờ kể từ khi tiếp nhận.",
        .kinds = kind(MechanismKind::record) | kind(MechanismKind::obligation),
        .parameters = kIntakeAssessmentParameters,
    },
    {
        .id = "I.1.c",
        .part = "I",
        .title_en = "Safety and health guidance",
        .title_vi = "Hướng dẫn về an toàn và sức khỏe",
        .text_en = "Direct support staff must provide guidance to victims, their families, and other concerned "
                   "parties about the issue of ensuring safety and health for victims, including children",
        .text_vi = "Cán bộ hỗ trợ trực tiếp phải hướng dẫn nạn nhân, gia đình nạn nhân và các bên liên quan khác về "
                   "việc bảo đảm an toàn và sức khỏe cho nạn nhân, kể cả nạn nhân là trẻ em.",
        .software_en = "Haven records safety and health guidance sessions with their audience (victim, family, "
                       "others), in a child-appropriate form for children; reintegration cannot start before it.",
        .software_vi = "Haven lưu các buổi hướng dẫn về an toàn và sức khỏe cùng đối tượng tham dự (nạn nhân, gia "
                       "đình, người khác), với hình thức phù hợp với trẻ em nếu nạn nhân là trẻ em; việc hướng dẫn "
                       "phải được thực hiện trước, nếu không thì chưa thể bắt đầu tái hòa nhập.",
        .kinds = kind(MechanismKind::record) | kind(MechanismKind::guard) | kind(MechanismKind::indicator),
        .parameters = std::span<const Parameter>{},
    },
    {
        .id = "I.1.d",
        .part = "I",
        .title_en = "Respectful conduct and victims' dignity",
        .title_vi = "Ứng xử đúng mực, tôn trọng nhân phẩm nạn nhân",
        .text_en = "Within their duties and responsibilities, victim support centers and staff must behave properly "
                   "and respect victims' dignity and right to support.",
        .text_vi = "Trong phạm vi nhiệm vụ và trách nhiệm của mình, cơ sở hỗ trợ nạn nhân và cán bộ phải có thái độ, "
                   "hành vi đúng mực, tôn trọng nhân phẩm và quyền được hỗ trợ của nạn nhân.",
        .software_en = "Haven logs victims' feedback and complaints with their resolution; an indicator shows the "
                       "share of complaints resolved within 14 days.",
        .software_vi = "Haven ghi nhận ý kiến phản hồi và khiếu nại của nạn nhân cùng kết quả giải quyết; chỉ số cho "
                       "biết tỷ lệ khiếu nại được giải quyết trong vòng 14 ngày.",
        .kinds = kind(MechanismKind::record) | kind(MechanismKind::indicator),
        .parameters = kComplaintParameters,
    },
    {
        .id = "I.2.a",
        .part = "I",
        .title_en = "Access to support services",
        .title_vi = "Tiếp cận dịch vụ hỗ trợ",
        .text_en = "Within their assigned duties and tasks, victim support centers and staff are responsible for "
                   "providing assistance to victims in order to ensure their access to support services.",
        .text_vi = "Trong phạm vi chức năng, nhiệm vụ được giao, cơ sở hỗ trợ nạn nhân và cán bộ có trách nhiệm hỗ "
                   "trợ nạn nhân để bảo đảm nạn nhân được tiếp cận các dịch vụ hỗ trợ.",
        .software_en = "Haven records each identified need with the service delivered or the referral made; an "
                       "indicator shows the share of needs that have a service.",
        .software_vi = "Haven ghi nhận từng nhu cầu đã xác định cùng dịch vụ đã cung cấp hoặc đã chuyển gửi; chỉ số "
                       "cho biết tỷ lệ nhu cầu đã có dịch vụ đáp ứng.",
        .kinds = kind(MechanismKind::record) | kind(MechanismKind::guard) | kind(MechanismKind::indicator),
        .parameters = std::span<const Parameter>{},
    },
    {
        .id = "I.2.b",
        .part = "I",
        .title_en = "Staff assignment respecting gender and sexuality",
        .title_vi = "Phân công cán bộ có tính đến giới tính, xu hướng tính dục",
        .text_en = "Victim support centers must develop appropriate procedures and assign staff to support victims "
                   "while taking into account victims' gender and sexuality.",
        .text_vi = "Cơ sở hỗ trợ nạn nhân phải xây dựng quy trình phù hợp và phân công cán bộ hỗ trợ nạn nhân, có "
                   "tính đến giới tính và xu hướng tính dục của nạn nhân.",
        .software_en = "The victim's preferred staff gender and other preferences are captured at reception; an "
                       "assignment that does not match them warns and needs a written reason.",
        .software_vi = "Giới tính cán bộ mà nạn nhân mong muốn và các mong muốn khác được ghi nhận ngay khi tiếp "
                       "nhận; việc phân công không phù hợp sẽ bị cảnh báo và phải ghi rõ lý do.",
        .kinds = kind(MechanismKind::guard),
        .parameters = std::span<const Parameter>{},
    },
    {
        .id = "I.2.c",
        .part = "I",
        .title_en = "Regular consultation with the victim",
        .title_vi = "Trao đổi định kỳ với nạn nhân",
        .text_en = "During the support process, direct support staff must regularly consult "
                   "victims and assess their physical and mental situation as well as other "
                   "factors to ensure their access to appropriate and effective support services.",
        .text_vi = "Trong quá trình hỗ trợ, cán bộ hỗ trợ trực tiếp phải thường xuyên tham khảo ý kiến nạn nhân và "
                   "đánh giá tình trạng thể chất, tinh thần cũng như các yếu tố khác để bảo đảm nạn nhân được tiếp "
                   "cận các dịch vụ hỗ trợ phù hợp và hiệu quả.",
        .software_en = "Haven records consultations with the victim, with the condition observed; one is due every 14 "
                       "days while the victim is in care.",
        .software_vi = "Haven lưu các buổi trao đổi với nạn nhân kèm tình trạng quan sát được; cứ 14 ngày phải có một "
                       "buổi trong thời gian nạn nhân được chăm sóc tại cơ sở.",
        .kinds = kind(MechanismKind::record) | kind(MechanismKind::obligation),
        .parameters = kConsultationParameters,
    },
    {
        .id = "I.2.d",
        .part = "I",
        .title_en = "Qualified and professional staff",
        .title_vi = "Cán bộ có chuyên môn và trình độ phù hợp",
        .text_en = "Victim support centers must choose personnel with a degree of professionalism as well as "
                   "appropriate qualifications and skills to work with victims.",
        .text_vi = "Cơ sở hỗ trợ nạn nhân phải lựa chọn nhân sự có tính chuyên "
                   "nghiệp, có trình độ và kỹ năng phù hợp để làm việc với nạn nhân.",
        .software_en = "Staff profiles hold qualifications and training; tasks that need a qualification, such as "
                       "counselling or an identification interview, can be done only by qualified staff.",
        .software_vi = "Hồ sơ cán bộ lưu trình độ chuyên môn và các khóa tập huấn; những việc đòi hỏi chuyên môn như "
                       "tư vấn tâm lý hay phỏng vấn xác minh nạn nhân chỉ cán bộ đủ điều kiện mới được thực hiện.",
        .kinds = kind(MechanismKind::record) | kind(MechanismKind::guard),
        .parameters = std::span<const Parameter>{},
    },
    {
        .id = "I.3.a",
        .part = "I",
        .title_en = "Careful and selective disclosure",
        .title_vi = "Cung cấp thông tin thận trọng, có chọn lọc",
        .text_en = "The disclosure of information about victims must be carefully "
                   "considered, selective, and must respect ethical codes. Disseminated "
                   "information must not negatively affect victims' reintegration.",
        .text_vi = "Việc cung cấp thông tin về nạn nhân phải được cân nhắc kỹ lưỡng, có chọn lọc và phải tuân thủ các "
                   "quy tắc đạo đức nghề nghiệp. Thông tin được cung cấp không được ảnh hưởng tiêu cực đến quá trình "
                   "tái hòa nhập cộng đồng của nạn nhân.",
        .software_en = "Every disclosure of a victim's information is a disclosure record with its purpose, "
                       "recipient, reason and only the selected fields, and it needs the centre head's approval.",
        .software_vi = "Mỗi lần cung cấp thông tin của nạn nhân được lưu thành một bản ghi "
                       "cung cấp thông tin, gồm mục đích, bên nhận, lý do và chỉ những "
                       "trường đã chọn; việc này phải được giám đốc cơ sở phê duyệt.",
        .kinds = kind(MechanismKind::record) | kind(MechanismKind::guard),
        .parameters = std::span<const Parameter>{},
    },
    {
        .id = "I.3.b",
        .part = "I",
        .title_en = "Informed consent before sharing",
        .title_vi = "Có sự đồng ý trước khi chia sẻ thông tin",
        .text_en = "Victims' personal information must not be shared without their consent. If their personal "
                   "information is shared, victims must be fully informed of the content and the recipient as well as "
                   "the purpose of the dissemination.",
        .text_vi = "Không được chia sẻ thông tin cá nhân của nạn nhân khi chưa có sự đồng ý của nạn nhân. Nếu thông "
                   "tin cá nhân được chia sẻ, nạn nhân phải được thông báo đầy đủ về nội dung, bên nhận cũng như mục "
                   "đích của việc chia sẻ thông tin.",
        .software_en = "No disclosure is allowed without a consent record in force that covers its content, recipient "
                       "and purpose, and the victim is recorded as informed of all three; consent can be withdrawn.",
        .software_vi = "Không được cung cấp thông tin nếu không có bản ghi sự đồng ý còn hiệu lực bao quát nội dung, "
                       "bên nhận và mục đích; việc nạn nhân đã được thông báo về cả ba điều này cũng được ghi nhận. "
                       "Nạn nhân có thể rút lại sự đồng ý.",
        .kinds = kind(MechanismKind::record) | kind(MechanismKind::guard),
        .parameters = std::span<const Parameter>{},
    },
    {
        .id = "I.3.c",
        .part = "I",
        .title_en = "Secure case files, restricted access",
        .title_vi = "Bảo mật hồ sơ, giới hạn quyền truy cập",
        .text_en = "Victims' files must be kept in a safe place, with access only by direct support staff.",
        .text_vi = "Hồ sơ của nạn nhân phải được lưu giữ ở nơi an toàn "
                   "và chỉ cán bộ hỗ trợ trực tiếp mới được tiếp cận.",
        .software_en = "A case file can be read only by staff assigned to the case; anyone else is refused unless a "
                       "centre head uses audited break-glass access with a reason. Sensitive fields are encrypted at "
                       "rest and every read and write is audited.",
        .software_vi = "Chỉ cán bộ được phân công phụ trách mới xem được hồ sơ; người khác bị từ chối, trừ khi giám "
                       "đốc cơ sở dùng quyền truy cập khẩn cấp có ghi lý do và được ghi nhật ký. Các trường nhạy cảm "
                       "được mã hóa khi lưu trữ và mọi lần đọc, ghi đều được ghi nhật ký.",
        .kinds = kind(MechanismKind::guard),
        .parameters = std::span<const Parameter>{},
    },
    {
        .id = "I.3.d",
        .part = "I",
        .title_en = "Consent of child and guardian",
        .title_vi = "Sự đồng ý của trẻ em và người giám hộ",
        .text_en = "For child victims, consent of both the child and his/her guardian or legal representative must be "
                   "obtained before disseminating personal information.",
        .text_vi = "Đối với nạn nhân là trẻ em, phải có sự đồng ý của cả trẻ em và người giám hộ hoặc người đại diện "
                   "theo pháp luật của trẻ trước khi chia sẻ thông tin cá nhân.",
        .software_en = "For a child, including a person treated as a child under II.2.d, a disclosure needs the "
                       "consent of both the child and the guardian or legal representative.",
        .software_vi = "Đối với trẻ em, kể cả người được đối xử như trẻ em theo II.2.d, việc cung cấp thông tin phải "
                       "có sự đồng ý của cả trẻ và người giám hộ hoặc người đại diện theo pháp luật.",
        .kinds = kind(MechanismKind::guard),
        .parameters = std::span<const Parameter>{},
    },
    {
        .id = "I.4.a",
        .part = "I",
        .title_en = "Information on services and reintegration",
        .title_vi = "Thông tin về dịch vụ và quá trình tái hòa nhập",
        .text_en = "Victims or their relatives must be provided with information on available "
                   "support services and the reintegration process. For victims with physical "
                   "disadvantages which affect their access to information, favorable conditions "
                   "must be arranged so that they can understand all verbal or written information.",
        .text_vi = "Nạn nhân hoặc người thân của nạn nhân phải được cung cấp thông tin về các dịch vụ hỗ trợ hiện có "
                   "và quá trình tái hòa nhập cộng đồng. Đối với nạn nhân có khiếm khuyết về thể chất ảnh hưởng đến "
                   "khả năng tiếp cận thông tin, phải tạo điều kiện thuận lợi để nạn nhân hiểu được toàn bộ thông tin "
                   "bằng lời nói hoặc bằng văn bản.",
        .software_en = "Haven records the information on services and the reintegration process "
                       "given to the victim or relatives, with its language and format (verbal, "
                       "written, interpreter, easy-read, sign), due within 72 hours of reception. "
                       "It prints a services information sheet in the victim's language.",
        .software_vi = "Haven ghi nhận thông tin về dịch vụ và quá trình tái hòa nhập đã cung cấp "
                       "cho nạn nhân hoặc người thân, kèm ngôn ngữ và hình thức (lời nói, văn "
                       "bản, phiên dịch, bản dễ đọc, ngôn ngữ ký hiệu); hạn là 72 giờ kể từ khi "
                       "tiếp nhận. Haven in tờ thông tin về dịch vụ bằng ngôn ngữ của nạn nhân.",
        .kinds = kind(MechanismKind::record) | kind(MechanismKind::obligation),
        .parameters = kServiceInformationParameters,
    },
    {
        .id = "I.4.b",
        .part = "I",
        .title_en = "Age-appropriate information for children",
        .title_vi = "Cung cấp thông tin phù hợp với lứa tuổi của trẻ",
        .text_en = "For child victims, direct support staff must decide the amount of "
                   "information to expose him/her to as well as the proper method of exposure, "
                   "taking into account the victim's age and anticipated psychological impact.",
        .text_vi = "Đối với nạn nhân là trẻ em, cán bộ hỗ trợ trực tiếp phải quyết định "
                   "lượng thông tin cung cấp cho trẻ cũng như cách thức cung cấp phù hợp, "
                   "có tính đến độ tuổi và tác động tâm lý có thể xảy ra đối với trẻ.",
        .software_en = "For a child, Haven records the staff's decision on what information "
                       "to give and how, considering age and psychological impact; I.4.a is "
                       "not met for a child until this decision is recorded.",
        .software_vi = "Đối với trẻ em, Haven ghi nhận quyết định của cán bộ về lượng thông "
                       "tin và cách thức cung cấp, có cân nhắc độ tuổi và tác động tâm lý; khi "
                       "chưa có quyết định này thì I.4.a chưa được coi là đáp ứng đối với trẻ.",
        .kinds = kind(MechanismKind::record),
        .parameters = std::span<const Parameter>{},
    },
    {
        .id = "I.4.c",
        .part = "I",
        .title_en = "Victim's views on major decisions",
        .title_vi = "Ý kiến của nạn nhân về các quyết định quan trọng",
        .text_en = "Victims must be provided with sufficient information on any issues related to them. Victims' "
                   "opinions and views on those issues must be considered during the support process.",
        .text_vi = "Nạn nhân phải được cung cấp đầy đủ thông tin về mọi vấn đề liên quan đến mình. Ý kiến và quan "
                   "điểm của nạn nhân về các vấn đề đó phải được xem xét trong quá trình hỗ trợ.",
        .software_en = "The victim's views are recorded on each major decision (plan, referral, reintegration, "
                       "closure), and the decision is refused until they are.",
        .software_vi = "Ý kiến của nạn nhân được ghi nhận cho từng quyết định quan trọng (kế hoạch, chuyển gửi, tái "
                       "hòa nhập, đóng hồ sơ); hệ thống không chấp nhận quyết định khi chưa ghi nhận ý kiến này.",
        .kinds = kind(MechanismKind::record) | kind(MechanismKind::guard),
        .parameters = std::span<const Parameter>{},
    },
    {
        .id = "I.4.d",
        .part = "I",
        .title_en = "Victim follows own reintegration progress",
        .title_vi = "Nạn nhân theo dõi tiến trình tái hòa nhập của mình",
        .text_en = "Direct support staff must create favorable conditions for victims to obtain information on and "
                   "monitor their reintegration process.",
        .text_vi = "Cán bộ hỗ trợ trực tiếp phải tạo điều kiện thuận lợi để nạn nhân nắm được thông tin và theo dõi "
                   "quá trình tái hòa nhập của chính mình.",
        .software_en = "The victim can see their own reintegration progress in a printable plain-language summary in "
                       "their language, and optionally through a limited victim view opened with a one-time code.",
        .software_vi = "Nạn nhân có thể xem tiến trình tái hòa nhập của mình qua bản tóm tắt bằng lời lẽ dễ hiểu, "
                       "bằng ngôn ngữ của nạn nhân và có thể in ra; ngoài ra có thể dùng màn hình xem giới hạn dành "
                       "cho nạn nhân, mở bằng mã dùng một lần.",
        .kinds = kind(MechanismKind::record) | kind(MechanismKind::indicator),
        .parameters = std::span<const Parameter>{},
    },
    {
        .id = "I.5.a",
        .part = "I",
        .title_en = "Safe repatriation of foreign victims",
        .title_vi = "Hồi hương an toàn cho nạn nhân người nước ngoài",
        .text_en = "Foreign victims have the right to humane treatment and to repatriation to their home countries, "
                   "while taking their security into consideration.",
        .text_vi = "Nạn nhân là người nước ngoài có quyền được đối xử nhân đạo và được hồi hương về nước mình, có cân "
                   "nhắc đến an ninh, an toàn của họ.",
        .software_en = "For a foreign victim Haven records nationality, consular contact, the wish to be repatriated, "
                       "a repatriation safety assessment and the repatriation status; repatriation cannot be "
                       "completed without the safety assessment.",
        .software_vi = "Với nạn nhân người nước ngoài, Haven ghi nhận quốc tịch, liên hệ lãnh sự, nguyện vọng hồi "
                       "hương, đánh giá an toàn khi hồi hương và tình trạng hồi hương; không thể hoàn tất việc hồi "
                       "hương khi chưa có đánh giá an toàn.",
        .kinds = kind(MechanismKind::record) | kind(MechanismKind::guard) | kind(MechanismKind::indicator),
        .parameters = std::span<const Parameter>{},
    },
    {
        .id = "I.5.b",
        .part = "I",
        .title_en = "Victims make their own decisions",
        .title_vi = "Nạn nhân tự quyết định",
        .text_en = "Victim support centers and staff must provide comprehensive "
                   "information to victims in a clear manner while reserving the right to "
                   "make decisions based on that information for the victims themselves.",
        .text_vi = "Cơ sở hỗ trợ nạn nhân và cán bộ phải cung cấp thông tin đầy đủ, rõ ràng cho nạn nhân, đồng thời "
                   "dành quyền quyết định dựa trên những thông tin đó cho chính nạn nhân.",
        .software_en = "The plan, each referral, reintegration and closure must record the victim's own decision and "
                       "the information given; without them the step is refused.",
        .software_vi = "Kế hoạch, mỗi lần chuyển gửi, việc tái hòa nhập và đóng hồ sơ đều phải ghi nhận quyết định "
                       "của chính nạn nhân và thông tin đã cung cấp; nếu thiếu, hệ thống từ chối thực hiện bước đó.",
        .kinds = kind(MechanismKind::guard),
        .parameters = std::span<const Parameter>{},
    },
    {
        .id = "I.5.c",
        .part = "I",
        .title_en = "Consult experts and relatives before deciding",
        .title_vi = "Tham vấn chuyên gia và người thân trước khi quyết định",
        .text_en = "For victims with physical and mental disadvantages, support centers and staff must consult "
                   "experts and victims' relatives prior to making decisions that will affect the victims.",
        .text_vi = "Đối với nạn nhân có khiếm khuyết về thể chất và tinh thần, cơ sở hỗ "
                   "trợ và cán bộ phải tham khảo ý kiến chuyên gia và người thân của "
                   "nạn nhân trước khi đưa ra các quyết định có ảnh hưởng đến nạn nhân.",
        .software_en = "For a victim flagged with a physical or mental disadvantage, a decision needs a recorded "
                       "consultation with an expert and with relatives.",
        .software_vi = "Với nạn nhân được đánh dấu có khiếm khuyết về thể chất hoặc tinh thần, mỗi quyết định phải có "
                       "bản ghi tham vấn chuyên gia và người thân.",
        .kinds = kind(MechanismKind::record) | kind(MechanismKind::guard) | kind(MechanismKind::indicator),
        .parameters = std::span<const Parameter>{},
    },
    {
        .id = "I.5.d",
        .part = "I",
        .title_en = "Child's views and decisions respected",
        .title_vi = "Tôn trọng ý kiến và quyết định của trẻ em",
        .text_en = "Child victims have the right to express their point of view and their decisions. These decisions "
                   "should be acted upon if it will help ensure their security, safety and health.",
        .text_vi = "Nạn nhân là trẻ em có quyền bày tỏ quan điểm và quyết định của mình. Các quyết định này cần được "
                   "thực hiện nếu việc đó giúp bảo đảm an ninh, an toàn và sức khỏe của trẻ.",
        .software_en = "A child's views are recorded with each decision; a decision that goes against the child's "
                       "view must record why it serves the child's safety.",
        .software_vi = "Ý kiến của trẻ được ghi nhận cùng mỗi quyết định; quyết định trái với ý kiến của trẻ phải ghi "
                       "rõ lý do vì sao quyết định đó bảo đảm an toàn cho trẻ.",
        .kinds = kind(MechanismKind::record) | kind(MechanismKind::guard),
        .parameters = std::span<const Parameter>{},
    },
    {
        .id = "II.1.a",
        .part = "II",
        .title_en = "Lawful reception and interview",
        .title_vi = "Tiếp nhận và phỏng vấn đúng quy định",
        .text_en = "The reception and interview of victims must comply with relevant legal and policy provisions.",
        .text_vi = "Việc tiếp nhận và phỏng vấn nạn nhân phải tuân thủ "
                   "các quy định của pháp luật và chính sách liên quan.",
        .software_en = "Each case holds a reception record with the date, the referring authority or channel, the "
                       "legal basis and the documents received.",
        .software_vi = "Mỗi hồ sơ có biên bản tiếp nhận gồm ngày tiếp nhận, cơ quan "
                       "hoặc kênh chuyển đến, căn cứ pháp lý và giấy tờ kèm theo.",
        .kinds = kind(MechanismKind::record),
        .parameters = std::span<const Parameter>{},
    },
    {
        .id = "II.1.b",
        .part = "II",
        .title_en = "Safe environment, matched staff, no discrimination",
        .title_vi = "Môi trường an toàn, cán bộ phù hợp, không phân biệt đối xử",
        .text_en = "Shelters/social welfare centers (support centers) must provide a safe and friendly environment. "
                   "Direct support staff must be of appropriate gender, age range, nationality, and other relevant "
                   "factors. There must be no discrimination toward victims based on nationality, ethnicity, "
                   "religion, social status, gender, or sexuality.",
        .text_vi = "Nhà tạm lánh/cơ sở bảo trợ xã hội (cơ sở hỗ trợ) phải bảo đảm môi trường an toàn, thân thiện. Cán "
                   "bộ hỗ trợ trực tiếp phải phù hợp về giới tính, độ tuổi, quốc tịch và các yếu tố liên quan khác. "
                   "Không được phân biệt đối xử với nạn nhân dựa trên quốc tịch, dân tộc, tôn giáo, địa vị xã hội, "
                   "giới tính hoặc xu hướng tính dục.",
        .software_en = "Reception staff are matched to the victim's gender, age range, nationality and language where "
                       "possible, and a mismatch warns and needs a reason. No eligibility or service rule may read "
                       "nationality, ethnicity, religion, social status, gender or sexuality.",
        .software_vi = "Cán bộ tiếp nhận được bố trí phù hợp với giới tính, độ tuổi, quốc tịch và ngôn ngữ của nạn "
                       "nhân khi có thể; nếu không phù hợp, hệ thống cảnh báo và yêu cầu ghi lý do. Không quy tắc nào "
                       "về điều kiện hỗ trợ hay dịch vụ được dựa vào quốc tịch, dân tộc, tôn giáo, địa vị xã hội, "
                       "giới tính hoặc xu hướng tính dục.",
        .kinds = kind(MechanismKind::guard),
        .parameters = std::span<const Parameter>{},
    },
    {
        .id = "II.1.c",
        .part = "II",
        .title_en = "Orientation to the centre",
        .title_vi = "Hướng dẫn nạn nhân làm quen với cơ sở",
        .text_en = "Direct support staff must provide clear instructions and explanations to victims about the "
                   "layout, regulations, and other necessary information about the reception/support centers. They "
                   "must discuss victims' issues in a positive manner.",
        .text_vi = "Cán bộ hỗ trợ trực tiếp phải hướng dẫn, giải thích rõ ràng cho nạn nhân về cách bố trí, nội quy "
                   "và các thông tin cần thiết khác của cơ sở tiếp nhận/cơ sở hỗ trợ. Cán bộ phải trao đổi về các vấn "
                   "đề của nạn nhân theo hướng tích cực.",
        .software_en = "Haven records the orientation given on the centre's layout, rules and other necessary "
                       "information, due within 24 hours of reception.",
        .software_vi = "Haven ghi nhận việc hướng dẫn nạn nhân về cách bố trí, nội quy và các thông tin cần thiết của "
                       "cơ sở; hạn là 24 giờ kể từ khi tiếp nhận.",
        .kinds = kind(MechanismKind::record) | kind(MechanismKind::obligation),
        .parameters = kOrientationParameters,
    },
    {
        .id = "II.1.d",
        .part = "II",
        .title_en = "Victim-centred interview, chosen staff member",
        .title_vi = "Phỏng vấn lấy nạn nhân làm trung tâm, quyền chọn cán bộ",
        .text_en = "All interviewers must practice empathy and apply a victim-centered "
                   "approach. At any time during the course of the interview, victims have "
                   "the right to designate a staff member from whom to receive support.",
        .text_vi = "Tất cả những người thực hiện phỏng vấn phải thể hiện sự thấu cảm và áp dụng cách tiếp cận lấy nạn "
                   "nhân làm trung tâm. Vào bất kỳ thời điểm nào trong quá trình phỏng vấn, nạn nhân có quyền chỉ "
                   "định một cán bộ để hỗ trợ mình.",
        .software_en = "The victim may designate a staff member at any time; that person is added to the case's "
                       "assigned staff, and the change is recorded and audited.",
        .software_vi = "Nạn nhân có thể chỉ định một cán bộ vào bất kỳ lúc nào; cán bộ đó được thêm vào danh sách cán "
                       "bộ phụ trách hồ sơ, và việc này được ghi nhận, ghi nhật ký.",
        .kinds = kind(MechanismKind::record) | kind(MechanismKind::guard),
        .parameters = std::span<const Parameter>{},
    },
    {
        .id = "II.1.e",
        .part = "II",
        .title_en = "Identification after health and psychological care",
        .title_vi = "Xác minh nạn nhân sau khi được chăm sóc sức khỏe và tâm lý",
        .text_en = "Victim identification interviews must only be carried out after the most important health and "
                   "psychological recovery services have been provided to victims.",
        .text_vi = "Chỉ được tiến hành phỏng vấn xác minh nạn nhân sau khi nạn nhân đã được cung cấp các dịch vụ chăm "
                   "sóc sức khỏe và phục hồi tâm lý quan trọng nhất.",
        .software_en = "An identification interview cannot be scheduled or recorded until a health check and initial "
                       "psychological support are recorded for the case.",
        .software_vi = "Không thể lên lịch hoặc ghi nhận phỏng vấn xác minh nạn nhân khi hồ sơ chưa có kết quả khám "
                       "sức khỏe và hỗ trợ tâm lý ban đầu.",
        .kinds = kind(MechanismKind::guard),
        .parameters = std::span<const Parameter>{},
    },
    {
        .id = "II.2.a",
        .part = "II",
        .title_en = "Cooperation with identifying authorities",
        .title_vi = "Phối hợp với cơ quan xác minh nạn nhân",
        .text_en = "Authorities/agencies responsible for victim identification must cooperate and share information "
                   "with victim support centers to ensure that victim identification processes are carried out in "
                   "compliance with existing regulations.",
        .text_vi = "Các cơ quan, đơn vị có trách nhiệm xác minh nạn nhân phải phối hợp và chia sẻ thông tin với cơ sở "
                   "hỗ trợ nạn nhân để bảo đảm việc xác minh nạn nhân được thực hiện đúng quy định hiện hành.",
        .software_en = "Haven records identification cooperation: the authority involved, what was shared and under "
                       "which consent; any sharing goes through the consent rule of I.3.b.",
        .software_vi = "Haven ghi nhận việc phối hợp xác minh nạn nhân: cơ quan tham gia, thông tin đã chia sẻ và "
                       "theo sự đồng ý nào; mọi việc chia sẻ đều phải tuân theo quy tắc về sự đồng ý tại I.3.b.",
        .kinds = kind(MechanismKind::record) | kind(MechanismKind::guard),
        .parameters = std::span<const Parameter>{},
    },
    {
        .id = "II.2.b",
        .part = "II",
        .title_en = "Safe and lawful identification interview",
        .title_vi = "Phỏng vấn xác minh an toàn, đúng pháp luật",
        .text_en = "Victim support centers and staff must comply with related laws and "
                   "policies on victim identification. They must ensure a friendly and "
                   "safe environment during the identification interview.",
        .text_vi = "Cơ sở hỗ trợ nạn nhân và cán bộ phải tuân thủ pháp luật và chính "
                   "sách liên quan về xác minh nạn nhân. Cơ sở và cán bộ phải bảo đảm "
                   "môi trường thân thiện và an toàn trong quá trình phỏng vấn xác minh.",
        .software_en = "The identification interview record holds the place, the people present, the interpreter and "
                       "notes on the environment; only qualified staff (I.2.d) may conduct the interview.",
        .software_vi = "Biên bản phỏng vấn xác minh ghi địa điểm, những người có mặt, phiên dịch viên và ghi chú về "
                       "môi trường phỏng vấn; chỉ cán bộ đủ điều kiện (I.2.d) mới được thực hiện phỏng vấn.",
        .kinds = kind(MechanismKind::record) | kind(MechanismKind::guard),
        .parameters = std::span<const Parameter>{},
    },
    {
        .id = "II.2.c",
        .part = "II",
        .title_en = "Care during identification",
        .title_vi = "Chăm sóc nạn nhân trong quá trình xác minh",
        .text_en = "The victim identification process must always be accompanied care for the victim. With support "
                   "from shelters/social welfare centers, victims' most essential needs must be met.",
        .text_vi = "Quá trình xác minh nạn nhân phải luôn đi kèm với việc chăm sóc nạn nhân. Với sự hỗ trợ của nhà "
                   "tạm lánh/cơ sở bảo trợ xã hội, các nhu cầu thiết yếu nhất của nạn nhân phải được đáp ứng.",
        .software_en = "A checklist records that essential needs (food, shelter, "
                       "clothing, medical care) were met during identification.",
        .software_vi = "Danh mục kiểm tra ghi nhận các nhu cầu thiết yếu (ăn, ở, quần áo, chăm sóc y tế) đã được đáp "
                       "ứng trong quá trình xác minh nạn nhân.",
        .kinds = kind(MechanismKind::record),
        .parameters = std::span<const Parameter>{},
    },
    {
        .id = "II.2.d",
        .part = "II",
        .title_en = "Suspected children treated as children",
        .title_vi = "Người nghi là trẻ em được đối xử như trẻ em",
        .text_en = "Victims who are of an uncertain age but are suspected to be children must be treated as such. The "
                   "victim identification interview process must always comply with the best interests of the child.",
        .text_vi = "Nạn nhân chưa xác định được tuổi nhưng nghi là trẻ em thì phải được đối xử như trẻ em. Quá trình "
                   "phỏng vấn xác minh nạn nhân phải luôn tuân thủ nguyên tắc bảo đảm lợi ích tốt nhất của trẻ em.",
        .software_en = "A person whose age is uncertain but who is suspected to be a child carries a derived flag and "
                       "is treated as a child, so every child rule applies; the flag is never cleared silently.",
        .software_vi = "Người chưa rõ tuổi nhưng nghi là trẻ em được hệ thống đánh dấu và đối xử như trẻ em, nên mọi "
                       "quy tắc dành cho trẻ em đều được áp dụng; dấu này không bao giờ bị gỡ bỏ một cách âm thầm.",
        .kinds = kind(MechanismKind::record) | kind(MechanismKind::guard),
        .parameters = std::span<const Parameter>{},
    },
    {
        .id = "II.3.a",
        .part = "II",
        .title_en = "Early counselling by trained staff",
        .title_vi = "Tư vấn tâm lý sớm do cán bộ được đào tạo",
        .text_en = "Psychological counseling must be carried out by trained "
                   "personnel as soon as victims are received at support centers.",
        .text_vi = "Việc tư vấn tâm lý phải do người đã được đào tạo thực "
                   "hiện ngay khi nạn nhân được tiếp nhận vào cơ sở hỗ trợ.",
        .software_en = "Only qualified staff can record psychological counselling, "
                       "and the first session is due within 24 hours of reception.",
        .software_vi = "Chỉ cán bộ đủ điều kiện mới được ghi nhận buổi tư vấn tâm lý; buổi tư vấn đầu tiên phải diễn "
                       "ra trong vòng 24 giờ kể từ khi tiếp nhận.",
        .kinds = kind(MechanismKind::guard) | kind(MechanismKind::obligation),
        .parameters = kFirstCounsellingParameters,
    },
    {
        .id = "II.3.b",
        .part = "II",
        .title_en = "Counselling relationship and crisis intervention",
        .title_vi = "Quan hệ tư vấn và can thiệp khủng hoảng",
        .text_en = "Direct support staff must apply professional skills, knowledge, and behavior to create a positive "
                   "relationships with victims. They should ensure that victims are in a stable and healthy condition "
                   "with unimpeded concentration during the process of psychological counseling. They should observe "
                   "the victim's condition carefully, maintain a friendly relationship, build trust with the victim, "
                   "and immediately provide crisis intervention when necessary.",
        .text_vi = "Cán bộ hỗ trợ trực tiếp phải vận dụng kỹ năng, kiến thức và thái độ chuyên nghiệp để "
                   "tạo mối quan hệ tích cực với nạn nhân. Cán bộ cần bảo đảm nạn nhân ở trạng thái ổn "
                   "định, khỏe mạnh và có thể tập trung không bị gián đoạn trong quá trình tư vấn tâm "
                   "lý. Cán bộ cần quan sát kỹ tình trạng của nạn nhân, duy trì mối quan hệ thân thiện, "
                   "xây dựng lòng tin với nạn nhân và can thiệp khủng hoảng ngay lập tức khi cần thiết.",
        .software_en = "Each counselling session is recorded with the condition observed; a crisis flag creates an "
                       "immediate crisis-intervention task, due the same day (within 4 hours by default).",
        .software_vi = "Mỗi buổi tư vấn được ghi nhận cùng tình trạng quan sát được; khi "
                       "đánh dấu khủng hoảng, hệ thống tạo ngay nhiệm vụ can thiệp khủng "
                       "hoảng phải hoàn thành trong ngày (mặc định trong vòng 4 giờ).",
        .kinds = kind(MechanismKind::record) | kind(MechanismKind::obligation),
        .parameters = kCrisisInterventionParameters,
    },
    {
        .id = "II.4.a",
        .part = "II",
        .title_en = "Self-assessment against the standards",
        .title_vi = "Tự đánh giá theo bộ tiêu chuẩn tối thiểu",
        .text_en = "Direct support staff and service providers must carry out their own assessment of the quality of "
                   "service provided to victims based on this set of minimum standards.",
        .text_vi = "Cán bộ hỗ trợ trực tiếp và các đơn vị cung cấp dịch vụ phải tự đánh giá chất lượng dịch vụ cung "
                   "cấp cho nạn nhân dựa trên bộ tiêu chuẩn tối thiểu này.",
        .software_en = "Haven generates the centre's printable self-assessment against all 59 clauses from its data, "
                       "with manual items for what the data cannot show.",
        .software_vi = "Haven lập báo cáo tự đánh giá của cơ sở theo cả 59 điều khoản từ dữ liệu sẵn có, kèm các mục "
                       "nhập tay cho những gì dữ liệu không thể hiện được; báo cáo có thể in ra.",
        .kinds = kind(MechanismKind::record) | kind(MechanismKind::indicator),
        .parameters = std::span<const Parameter>{},
    },
    {
        .id = "II.4.b",
        .part = "II",
        .title_en = "Early return risk assessment",
        .title_vi = "Đánh giá rủi ro sớm khi trở về cộng đồng",
        .text_en = "Risk assessments for victims' return to their families and "
                   "communities must be carried out as soon as possible to identify the "
                   "feasibility of victims' reintegration into their home communities.",
        .text_vi = "Việc đánh giá rủi ro khi nạn nhân trở về gia đình và cộng đồng phải được thực hiện càng sớm càng "
                   "tốt để xác định tính khả thi của việc nạn nhân tái hòa nhập tại cộng đồng quê hương.",
        .software_en = "Haven records a return risk assessment, due within 7 days of reception.",
        .software_vi = "Haven lưu bản đánh giá rủi ro khi trở về; hạn hoàn thành là 7 ngày kể từ khi tiếp nhận.",
        .kinds = kind(MechanismKind::record) | kind(MechanismKind::obligation),
        .parameters = kRiskAssessmentParameters,
    },
    {
        .id = "II.4.c",
        .part = "II",
        .title_en = "Plan based on the risk assessment",
        .title_vi = "Kế hoạch dựa trên kết quả đánh giá rủi ro",
        .text_en = "The result of the assessment must be used to identify suitable and effective means of support to "
                   "victims and must be used as inputs while developing the reintegration plan.",
        .text_vi = "Kết quả đánh giá phải được sử dụng để xác định các biện pháp hỗ trợ phù hợp, hiệu quả cho nạn "
                   "nhân và làm thông tin đầu vào khi xây dựng kế hoạch tái hòa nhập.",
        .software_en = "A reintegration plan must reference the case's latest risk assessment.",
        .software_vi = "Kế hoạch tái hòa nhập phải dẫn chiếu đến bản đánh giá rủi ro mới nhất của hồ sơ.",
        .kinds = kind(MechanismKind::guard),
        .parameters = std::span<const Parameter>{},
    },
    {
        .id = "II.4.d",
        .part = "II",
        .title_en = "Separate assessment for each child",
        .title_vi = "Đánh giá riêng cho từng trẻ em",
        .text_en = "A separate assessment should be carried out for each child "
                   "victim in order to have an appropriate plan for each case.",
        .text_vi = "Cần thực hiện đánh giá riêng cho từng nạn nhân là "
                   "trẻ em để có kế hoạch phù hợp cho từng trường hợp.",
        .software_en = "Assessments are per person: each child in a group or family case must have an own assessment.",
        .software_vi = "Đánh giá được thực hiện cho từng người: mỗi trẻ em trong "
                       "hồ sơ nhóm hoặc hồ sơ gia đình phải có bản đánh giá riêng.",
        .kinds = kind(MechanismKind::guard),
        .parameters = std::span<const Parameter>{},
    },
    {
        .id = "II.5.a",
        .part = "II",
        .title_en = "Ongoing planning with victim participation",
        .title_vi = "Lập kế hoạch liên tục, có sự tham gia của nạn nhân",
        .text_en = "Victim support centers and staff must ensure that the development of the reintegration plan in "
                   "general and case management plan in particular is an on-going process. Victims must be encouraged "
                   "to actively participate in the development of their own reintegration plans.",
        .text_vi = "Cơ sở hỗ trợ nạn nhân và cán bộ phải bảo đảm việc xây dựng kế hoạch tái hòa nhập nói chung và kế "
                   "hoạch quản lý trường hợp nói riêng là một quá trình liên tục. Nạn nhân phải được khuyến khích "
                   "tích cực tham gia xây dựng kế hoạch tái hòa nhập của chính mình.",
        .software_en = "The plan is versioned and ongoing, and the victim's "
                       "participation is recorded for each version.",
        .software_vi = "Kế hoạch được lưu theo từng phiên bản và cập nhật liên tục; "
                       "sự tham gia của nạn nhân được ghi nhận cho mỗi phiên bản.",
        .kinds = kind(MechanismKind::record) | kind(MechanismKind::indicator),
        .parameters = std::span<const Parameter>{},
    },
    {
        .id = "II.5.b",
        .part = "II",
        .title_en = "Plan built on assessment and strengths",
        .title_vi = "Kế hoạch dựa trên đánh giá và thế mạnh của nạn nhân",
        .text_en = "Case management plans must be developed based on the outcomes of the "
                   "assessment and available resources as well as the abilities, aspirations, "
                   "and strengths of victims in order to develop a suitable and effective plan.",
        .text_vi = "Kế hoạch quản lý trường hợp phải được xây dựng dựa trên kết quả "
                   "đánh giá, các nguồn lực sẵn có cũng như khả năng, nguyện vọng và "
                   "thế mạnh của nạn nhân để có được một kế hoạch phù hợp và hiệu quả.",
        .software_en = "The plan must record the victim's strengths, abilities, aspirations and the available "
                       "resources, and link to the assessment.",
        .software_vi = "Kế hoạch phải ghi rõ thế mạnh, khả năng, nguyện vọng của nạn nhân và các nguồn lực sẵn có, "
                       "đồng thời liên kết với bản đánh giá.",
        .kinds = kind(MechanismKind::guard),
        .parameters = std::span<const Parameter>{},
    },
    {
        .id = "II.5.c",
        .part = "II",
        .title_en = "Needs-focused actions, victim consulted",
        .title_vi = "Hoạt động hướng vào nhu cầu, có tham vấn nạn nhân",
        .text_en = "All actions included in reintegration plans must focus on the needs of victims, and victims must "
                   "be consulted and informed on a regular basis about these actions.",
        .text_vi = "Mọi hoạt động trong kế hoạch tái hòa nhập phải tập trung vào nhu cầu của nạn nhân, và nạn nhân "
                   "phải được tham khảo ý kiến và được thông tin thường xuyên về các hoạt động này.",
        .software_en = "Each plan action is linked to a need, and the "
                       "victim's consultation on the actions is recorded.",
        .software_vi = "Mỗi hoạt động trong kế hoạch được liên kết với một nhu cầu, và việc tham khảo ý kiến nạn nhân "
                       "về các hoạt động được ghi nhận.",
        .kinds = kind(MechanismKind::record) | kind(MechanismKind::guard),
        .parameters = std::span<const Parameter>{},
    },
    {
        .id = "II.5.d",
        .part = "II",
        .title_en = "Plan with providers, reviewed regularly",
        .title_vi = "Kế hoạch có các bên tham gia, rà soát định kỳ",
        .text_en = "Reintegration plans must be developed with the participation of all related service providers and "
                   "must be regularly checked and updated to adapt to any changes.",
        .text_vi = "Kế hoạch tái hòa nhập phải được xây dựng với sự tham gia của tất cả các đơn vị cung cấp dịch vụ "
                   "liên quan, và phải được kiểm tra, cập nhật thường xuyên để phù hợp với mọi thay đổi.",
        .software_en = "Haven records the service providers taking part in "
                       "the plan, and a plan review is due every 30 days.",
        .software_vi = "Haven ghi nhận các đơn vị cung cấp dịch vụ tham gia "
                       "kế hoạch; kế hoạch phải được rà soát 30 ngày một lần.",
        .kinds = kind(MechanismKind::record) | kind(MechanismKind::obligation),
        .parameters = kPlanReviewParameters,
    },
    {
        .id = "II.5.e",
        .part = "II",
        .title_en = "Required content of the plan",
        .title_vi = "Nội dung bắt buộc của kế hoạch tái hòa nhập",
        .text_en = "Reintegration plans must include details on purposes, challenges, procedures, time frame and "
                   "service providers. This information must be saved in the victim's file.",
        .text_vi = "Kế hoạch tái hòa nhập phải nêu chi tiết mục đích, thách thức, các bước thực hiện, khung thời gian "
                   "và các đơn vị cung cấp dịch vụ. Các thông tin này phải được lưu trong hồ sơ của nạn nhân.",
        .software_en = "A plan cannot be finalised until it states its purposes, "
                       "challenges, procedures, time frame and service providers.",
        .software_vi = "Không thể hoàn tất kế hoạch khi chưa có đủ mục đích, thách thức, các bước thực hiện, khung "
                       "thời gian và đơn vị cung cấp dịch vụ.",
        .kinds = kind(MechanismKind::guard),
        .parameters = std::span<const Parameter>{},
    },
    {
        .id = "II.6.a",
        .part = "II",
        .title_en = "Up-to-date service provider list",
        .title_vi = "Danh sách đơn vị cung cấp dịch vụ được cập nhật",
        .text_en = "Direct support staff must provide a contact list of service "
                   "providers to victims. This list must be updated regularly.",
        .text_vi = "Cán bộ hỗ trợ trực tiếp phải cung cấp cho nạn nhân danh sách liên hệ của các đơn vị cung cấp dịch "
                   "vụ. Danh sách này phải được cập nhật thường xuyên.",
        .software_en = "Haven keeps a service provider directory with contact details and a last-verified date, flags "
                       "entries not verified for 180 days as stale, and records that the victim was given the list.",
        .software_vi = "Haven duy trì danh bạ đơn vị cung cấp dịch vụ với thông tin liên hệ và "
                       "ngày xác minh gần nhất, đánh dấu là đã cũ những mục quá 180 ngày chưa "
                       "được xác minh lại, và ghi nhận việc đã trao danh sách cho nạn nhân.",
        .kinds = kind(MechanismKind::record) | kind(MechanismKind::guard) | kind(MechanismKind::indicator),
        .parameters = kProviderDirectoryParameters,
    },
    {
        .id = "II.6.b",
        .part = "II",
        .title_en = "Recovery assessment before referral",
        .title_vi = "Đánh giá mức độ phục hồi trước khi chuyển gửi",
        .text_en = "Before referring victims to other services, direct support staff must carefully assess the "
                   "recovery situation of victims and if necessary must refer to expert advice in order to make the "
                   "most appropriate and safe decision.",
        .text_vi = "Trước khi chuyển gửi nạn nhân đến các dịch vụ khác, cán bộ hỗ trợ trực tiếp "
                   "phải đánh giá kỹ tình trạng phục hồi của nạn nhân và khi cần thiết phải "
                   "tham khảo ý kiến chuyên gia để đưa ra quyết định phù hợp và an toàn nhất.",
        .software_en = "A referral needs a recovery assessment made in the last "
                       "30 days; expert advice is recorded where it was sought.",
        .software_vi = "Việc chuyển gửi phải có bản đánh giá phục hồi được thực hiện trong vòng 30 ngày gần nhất; ý "
                       "kiến chuyên gia được ghi nhận khi có tham vấn.",
        .kinds = kind(MechanismKind::guard),
        .parameters = kReferralRecoveryParameters,
    },
    {
        .id = "II.6.c",
        .part = "II",
        .title_en = "Victim's opinion on referral",
        .title_vi = "Tôn trọng ý kiến nạn nhân khi chuyển gửi",
        .text_en = "The process of referral must respect victims' opinions and requirements.",
        .text_vi = "Quá trình chuyển gửi phải tôn trọng ý kiến và yêu cầu của nạn nhân.",
        .software_en = "A referral cannot be made until the victim's opinion and agreement are recorded.",
        .software_vi = "Không thể chuyển gửi khi chưa ghi nhận ý kiến và sự đồng ý của nạn nhân.",
        .kinds = kind(MechanismKind::guard),
        .parameters = std::span<const Parameter>{},
    },
    {
        .id = "II.6.d",
        .part = "II",
        .title_en = "Information sent with a referral",
        .title_vi = "Thông tin gửi kèm khi chuyển gửi",
        .text_en = "When referring a victim to another service, support staff must provide the recipient with all "
                   "information related to this victim.",
        .text_vi = "Khi chuyển gửi nạn nhân đến một dịch vụ khác, cán bộ hỗ trợ phải cung cấp cho bên tiếp nhận toàn "
                   "bộ thông tin liên quan đến nạn nhân.",
        .software_en = "The referral package holds the victim's information within the consent in force (I.3.b), and "
                       "the package itself is kept as a disclosure record.",
        .software_vi = "Hồ sơ chuyển gửi chỉ chứa thông tin của nạn nhân trong phạm vi sự đồng ý còn hiệu lực "
                       "(I.3.b), và bản thân hồ sơ chuyển gửi được lưu như một bản ghi cung cấp thông tin.",
        .kinds = kind(MechanismKind::record) | kind(MechanismKind::guard),
        .parameters = std::span<const Parameter>{},
    },
    {
        .id = "II.6.e",
        .part = "II",
        .title_en = "Careful referral with follow-up",
        .title_vi = "Chuyển gửi thận trọng và theo dõi kết quả",
        .text_en = "In all cases, referral service must be done carefully in order to provide victims with most the "
                   "most suitable and effective support.",
        .text_vi = "Trong mọi trường hợp, việc chuyển gửi phải được thực hiện thận "
                   "trọng để nạn nhân nhận được sự hỗ trợ phù hợp và hiệu quả nhất.",
        .software_en = "Haven tracks each referral's status (sent, accepted, declined, completed) and outcome, and "
                       "the outcome is due to be followed up within 14 days.",
        .software_vi = "Haven theo dõi tình trạng của từng lần chuyển gửi (đã gửi, đã nhận, bị từ chối, hoàn thành) "
                       "và kết quả; kết quả phải được theo dõi trong vòng 14 ngày.",
        .kinds = kind(MechanismKind::record) | kind(MechanismKind::obligation),
        .parameters = kReferralFollowUpParameters,
    },
    {
        .id = "II.7.a",
        .part = "II",
        .title_en = "Victim chooses where to reintegrate",
        .title_vi = "Nạn nhân lựa chọn nơi tái hòa nhập",
        .text_en = "Reintegration into the community is the final goal of the support process provided to victims, "
                   "and depends on victims' decisions. A victim can choose to reintegrate into his/her family or into "
                   "a new family or new community.",
        .text_vi = "Tái hòa nhập cộng đồng là mục tiêu cuối cùng của quá trình hỗ trợ nạn nhân "
                   "và phụ thuộc vào quyết định của nạn nhân. Nạn nhân có thể lựa chọn tái hòa "
                   "nhập vào gia đình mình, hoặc vào một gia đình mới hay một cộng đồng mới.",
        .software_en = "The reintegration destination (own family, new family "
                       "or new community) must be the victim's recorded choice.",
        .software_vi = "Nơi tái hòa nhập (gia đình mình, gia đình mới hoặc cộng "
                       "đồng mới) phải là lựa chọn của nạn nhân và được ghi nhận.",
        .kinds = kind(MechanismKind::guard),
        .parameters = std::span<const Parameter>{},
    },
    {
        .id = "II.7.b",
        .part = "II",
        .title_en = "Assessment before reintegration starts",
        .title_vi = "Đánh giá trước khi bắt đầu tái hòa nhập",
        .text_en = "The reintegration process will only be started after the completion of proper assessment of the "
                   "victim's situation as well as the location of reintegration. A regular assessment/evaluation must "
                   "be carried out to ensure the safety of the victim's prospective place of residence.",
        .text_vi = "Quá trình tái hòa nhập chỉ được bắt đầu sau khi đã hoàn thành việc đánh giá phù hợp về hoàn cảnh "
                   "của nạn nhân cũng như nơi tái hòa nhập. Phải thường xuyên đánh giá, lượng giá để bảo đảm an toàn "
                   "của nơi cư trú dự kiến của nạn nhân.",
        .software_en = "Reintegration cannot start before an assessment of the victim's "
                       "situation and of the destination's safety is recorded; the "
                       "safety of the residence is then reassessed regularly (I.1.a).",
        .software_vi = "Không thể bắt đầu tái hòa nhập khi chưa ghi nhận đánh giá về hoàn cảnh của nạn nhân và mức độ "
                       "an toàn của nơi đến; sau đó mức độ an toàn của nơi cư trú được đánh giá lại định kỳ (I.1.a).",
        .kinds = kind(MechanismKind::guard),
        .parameters = std::span<const Parameter>{},
    },
    {
        .id = "II.7.c",
        .part = "II",
        .title_en = "Continued education for children",
        .title_vi = "Bảo đảm trẻ em được tiếp tục học tập",
        .text_en = "For child victims, support centers and staff must ensure that victims will be able to continue "
                   "their study based on their educational situation.",
        .text_vi = "Đối với nạn nhân là trẻ em, cơ sở hỗ trợ và cán bộ phải bảo đảm "
                   "trẻ được tiếp tục học tập phù hợp với trình độ học vấn của trẻ.",
        .software_en = "For a child, the reintegration plan must include "
                       "continued education: school, grade and enrolment.",
        .software_vi = "Đối với trẻ em, kế hoạch tái hòa nhập phải có nội "
                       "dung tiếp tục học tập: trường, lớp và việc nhập học.",
        .kinds = kind(MechanismKind::guard),
        .parameters = std::span<const Parameter>{},
    },
    {
        .id = "II.8.a",
        .part = "II",
        .title_en = "Follow-up with local authorities and family",
        .title_vi = "Theo dõi qua chính quyền địa phương và gia đình",
        .text_en = "Case workers must link victims to available services and must have a plan to "
                   "regularly contact local authorities at the location of reintegration in order to "
                   "obtain information concerning victims' lives. Case workers must regularly update "
                   "victims' information from his/her family and community to monitor the case and "
                   "prioritize to help victims solve their problems or overcome their difficulties.",
        .text_vi = "Cán bộ quản lý trường hợp phải kết nối nạn nhân với các dịch vụ sẵn có và phải "
                   "có kế hoạch liên hệ thường xuyên với chính quyền địa phương nơi nạn nhân tái hòa "
                   "nhập để nắm thông tin về cuộc sống của nạn nhân. Cán bộ quản lý trường hợp phải "
                   "thường xuyên cập nhật thông tin về nạn nhân từ gia đình và cộng đồng để theo dõi "
                   "trường hợp và ưu tiên giúp nạn nhân giải quyết vấn đề hoặc vượt qua khó khăn.",
        .software_en = "Haven keeps a follow-up schedule and logs contacts with local authorities and the family; "
                       "each scheduled follow-up becomes a task with a due date.",
        .software_vi = "Haven lưu lịch theo dõi và ghi nhận các lần liên hệ với chính quyền địa phương và gia đình; "
                       "mỗi lần theo dõi theo lịch trở thành một nhiệm vụ có hạn hoàn thành.",
        .kinds = kind(MechanismKind::record) | kind(MechanismKind::obligation),
        .parameters = std::span<const Parameter>{},
    },
    {
        .id = "II.8.b",
        .part = "II",
        .title_en = "Needs-based follow-up frequency",
        .title_vi = "Tần suất theo dõi theo nhu cầu",
        .text_en = "Consideration in carrying out reintegration monitoring visits must "
                   "be based on the needs and situation of victims. The frequency of "
                   "visits can be changed according to the actual needs of victims.",
        .text_vi = "Việc cân nhắc thực hiện các chuyến thăm theo dõi tái hòa nhập phải dựa trên nhu cầu và hoàn cảnh "
                   "của nạn nhân. Tần suất thăm có thể thay đổi theo nhu cầu thực tế của nạn nhân.",
        .software_en = "The follow-up frequency is set for each case from its "
                       "needs and can be changed; the default is every 30 days.",
        .software_vi = "Tần suất theo dõi được đặt riêng cho từng hồ sơ theo nhu "
                       "cầu và có thể thay đổi; mặc định là 30 ngày một lần.",
        .kinds = kind(MechanismKind::record),
        .parameters = kFollowUpParameters,
    },
    {
        .id = "II.8.c",
        .part = "II",
        .title_en = "Conditions for closing a case",
        .title_vi = "Điều kiện kết thúc hỗ trợ, đóng hồ sơ",
        .text_en = "Before closing a case, victim support centers must try to ensure that victims' health situation "
                   "has improved, that their psychological condition is stable, and that they are confident in their "
                   "families and communities. An assessment of victims' economic prospects as well as potential for "
                   "discrimination and other difficulties in their family and community should be made available in "
                   "order to best address these issues.",
        .text_vi = "Trước khi đóng hồ sơ, cơ sở hỗ trợ nạn nhân phải cố gắng bảo đảm sức khỏe của nạn nhân đã được "
                   "cải thiện, tâm lý ổn định và nạn nhân tin tưởng vào gia đình và cộng đồng của mình. Cần có đánh "
                   "giá về triển vọng kinh tế của nạn nhân cũng như nguy cơ bị phân biệt đối xử và những khó khăn "
                   "khác trong gia đình và cộng đồng để giải quyết tốt nhất các vấn đề này.",
        .software_en = "A case can be closed only with a completed checklist: health improved, psychological "
                       "condition stable, confident in family and community, and economic prospects and "
                       "discrimination risks assessed.",
        .software_vi = "Chỉ được đóng hồ sơ khi đã hoàn thành danh mục kiểm tra: sức khỏe "
                       "đã cải thiện, tâm lý ổn định, tin tưởng vào gia đình và cộng đồng, "
                       "đã đánh giá triển vọng kinh tế và nguy cơ bị phân biệt đối xử.",
        .kinds = kind(MechanismKind::guard),
        .parameters = std::span<const Parameter>{},
    },
    {
        .id = "II.8.d",
        .part = "II",
        .title_en = "Closing a case after lost contact",
        .title_vi = "Đóng hồ sơ khi mất liên lạc",
        .text_en = "If no contact with victims can be made, case workers must take necessary measures in order to "
                   "contact victim's family or other service providers before closing a case.",
        .text_vi = "Nếu không thể liên lạc được với nạn nhân, cán bộ quản lý trường hợp "
                   "phải áp dụng các biện pháp cần thiết để liên hệ với gia đình nạn "
                   "nhân hoặc các đơn vị cung cấp dịch vụ khác trước khi đóng hồ sơ.",
        .software_en = "Closing a case for lost contact needs documented attempts to reach the victim, the family and "
                       "other service providers: by default at least 3 attempts over at least 2 channels.",
        .software_vi = "Muốn đóng hồ sơ vì mất liên lạc phải có ghi nhận các lần cố gắng liên hệ với nạn nhân, gia "
                       "đình và các đơn vị cung cấp dịch vụ khác: mặc định ít nhất 3 lần qua ít nhất 2 kênh.",
        .kinds = kind(MechanismKind::guard),
        .parameters = kLostContactParameters,
    },
    {
        .id = "II.8.e",
        .part = "II",
        .title_en = "Sharing recovery information when required",
        .title_vi = "Cung cấp thông tin phục hồi khi được yêu cầu",
        .text_en = "Direct support staff must provide relevant information on victims' recovery during their stay at "
                   "support centers to their family and related agencies when required to do so.",
        .text_vi = "Cán bộ hỗ trợ trực tiếp phải cung cấp thông tin liên quan về quá trình phục hồi của nạn nhân "
                   "trong thời gian ở cơ sở hỗ trợ cho gia đình nạn nhân và các cơ quan liên quan khi được yêu cầu.",
        .software_en = "Recovery information given to the family or agencies when required is recorded as a "
                       "disclosure and goes through the confidentiality rules of I.3.",
        .software_vi = "Thông tin về quá trình phục hồi cung cấp cho gia đình hoặc cơ quan khi được yêu cầu được ghi "
                       "nhận như một lần cung cấp thông tin và phải tuân theo các quy tắc bảo mật tại I.3.",
        .kinds = kind(MechanismKind::record) | kind(MechanismKind::guard),
        .parameters = std::span<const Parameter>{},
    },
    {
        .id = "III.1.a",
        .part = "III",
        .title_en = "Adequate facilities and infrastructure",
        .title_vi = "Cơ sở vật chất và hạ tầng phù hợp",
        .text_en = "Heads of support centers must ensure the availability of appropriate facilities and "
                   "infrastructure as regulated by existing laws and policies.",
        .text_vi = "Người đứng đầu cơ sở hỗ trợ phải bảo đảm có cơ sở vật chất và hạ tầng phù hợp theo quy định của "
                   "pháp luật và chính sách hiện hành.",
        .software_en = "Haven records a checklist of the centre's facilities, "
                       "which is part of the self-assessment (II.4.a).",
        .software_vi = "Haven lưu danh mục kiểm tra cơ sở vật chất của cơ "
                       "sở, là một phần của báo cáo tự đánh giá (II.4.a).",
        .kinds = kind(MechanismKind::record) | kind(MechanismKind::indicator),
        .parameters = std::span<const Parameter>{},
    },
    {
        .id = "III.1.b",
        .part = "III",
        .title_en = "Screening in staff recruitment",
        .title_vi = "Thẩm tra khi tuyển dụng cán bộ",
        .text_en = "The recruitment of direct support staff at shelters/social welfare centers must include an "
                   "assessment of the ability, qualification, moral status and judicial profile of the candidate.",
        .text_vi = "Việc tuyển dụng cán bộ hỗ trợ trực tiếp tại nhà tạm lánh/cơ sở bảo trợ xã hội phải bao gồm việc "
                   "đánh giá năng lực, trình độ, phẩm chất đạo đức và lý lịch tư pháp của ứng viên.",
        .software_en = "A staff account gets access to cases only after its recruitment screening is recorded: "
                       "ability, qualifications, moral standing and judicial record check.",
        .software_vi = "Tài khoản cán bộ chỉ được truy cập hồ sơ sau khi đã ghi nhận kết quả thẩm tra tuyển dụng: "
                       "năng lực, trình độ, phẩm chất đạo đức và lý lịch tư pháp.",
        .kinds = kind(MechanismKind::record) | kind(MechanismKind::guard),
        .parameters = std::span<const Parameter>{},
    },
    {
        .id = "III.1.c",
        .part = "III",
        .title_en = "Staff stress support and supervision",
        .title_vi = "Hỗ trợ cán bộ giảm căng thẳng, giám sát chuyên môn",
        .text_en = "Victim support centers must regularly exchange information with direct support staff to deal with "
                   "possible stress and other psychological impacts that may result from their work. Victim support "
                   "centers must have supporting policies aimed at reducing stress for staff and increasing the "
                   "effectiveness of service delivery.",
        .text_vi = "Cơ sở hỗ trợ nạn nhân phải thường xuyên trao đổi thông tin với cán bộ hỗ trợ trực tiếp để xử lý "
                   "căng thẳng và các tác động tâm lý khác có thể phát sinh từ công việc. Cơ sở hỗ trợ nạn nhân phải "
                   "có chính sách hỗ trợ nhằm giảm căng thẳng cho cán bộ và nâng cao hiệu quả cung cấp dịch vụ.",
        .software_en = "Haven records staff supervision and stress check-ins; an indicator shows whether each direct "
                       "support staff member had one in the last 30 days, next to each staff member's caseload.",
        .software_vi = "Haven ghi nhận các buổi giám sát chuyên môn và trao đổi về căng thẳng của cán bộ; chỉ số cho "
                       "biết mỗi cán bộ hỗ trợ trực tiếp đã có ít nhất một buổi trong 30 ngày gần nhất hay chưa, kèm "
                       "số hồ sơ mỗi cán bộ đang phụ trách.",
        .kinds = kind(MechanismKind::record) | kind(MechanismKind::indicator),
        .parameters = kSupervisionParameters,
    },
    {
        .id = "III.2.a",
        .part = "III",
        .title_en = "Complete and accurate case information",
        .title_vi = "Thông tin hồ sơ đầy đủ, chính xác",
        .text_en = "Direct support staff must gather sufficient and accurate information concerning victims in order "
                   "to gain good insight into the case and a good understanding of the victim's needs.",
        .text_vi = "Cán bộ hỗ trợ trực tiếp phải thu thập thông tin đầy đủ và chính xác về nạn nhân để nắm rõ trường "
                   "hợp và hiểu rõ nhu cầu của nạn nhân.",
        .software_en = "An indicator per case and per staff member shows case file completeness: the required "
                       "information is present and consistent.",
        .software_vi = "Chỉ số theo từng hồ sơ và từng cán bộ cho biết mức độ "
                       "đầy đủ của hồ sơ: thông tin bắt buộc đã có và nhất quán.",
        .kinds = kind(MechanismKind::indicator),
        .parameters = std::span<const Parameter>{},
    },
    {
        .id = "III.2.b",
        .part = "III",
        .title_en = "Specific and feasible support plans",
        .title_vi = "Kế hoạch hỗ trợ cụ thể, khả thi",
        .text_en = "Direct support staff must thoroughly study the recovery process of victims and the provisions of "
                   "related laws and policies to come up with the most effective support plan for each victim. The "
                   "process of service delivery should be specific, easy to understand, easy to apply, feasible, "
                   "economic, and suitable to each victim's awareness and abilities. It should also ensure victims' "
                   "physical and psychological safety.",
        .text_vi = "Cán bộ hỗ trợ trực tiếp phải nghiên cứu kỹ quá trình phục hồi của nạn nhân và "
                   "các quy định của pháp luật, chính sách liên quan để đưa ra kế hoạch hỗ trợ hiệu "
                   "quả nhất cho từng nạn nhân. Quá trình cung cấp dịch vụ cần cụ thể, dễ hiểu, dễ "
                   "áp dụng, khả thi, tiết kiệm và phù hợp với nhận thức và khả năng của từng nạn "
                   "nhân. Quá trình này cũng cần bảo đảm an toàn về thể chất và tâm lý cho nạn nhân.",
        .software_en = "Specific, feasible plans are enforced through II.5; "
                       "Haven records staff training on recovery and on the law.",
        .software_vi = "Tính cụ thể, khả thi của kế hoạch được bảo đảm qua các quy định tại II.5; Haven ghi nhận các "
                       "khóa tập huấn của cán bộ về phục hồi và về pháp luật.",
        .kinds = kind(MechanismKind::record) | kind(MechanismKind::indicator),
        .parameters = std::span<const Parameter>{},
    },
    {
        .id = "III.2.c",
        .part = "III",
        .title_en = "Independence and objectivity of staff",
        .title_vi = "Tính độc lập và khách quan của cán bộ",
        .text_en = "Direct support staff must maintain an appropriate level of independence and be objective during "
                   "the delivery of support services to victims.",
        .text_vi = "Cán bộ hỗ trợ trực tiếp phải giữ tính độc lập ở mức phù hợp và khách quan trong quá trình cung "
                   "cấp dịch vụ hỗ trợ cho nạn nhân.",
        .software_en = "On assignment to a case, staff must declare that they have no conflict of interest with the "
                       "victim; the declaration is recorded.",
        .software_vi = "Khi được phân công phụ trách hồ sơ, cán bộ phải cam kết không có xung đột lợi ích với nạn "
                       "nhân; cam kết này được ghi nhận.",
        .kinds = kind(MechanismKind::record) | kind(MechanismKind::guard),
        .parameters = std::span<const Parameter>{},
    },
};

// Checked when the file compiles: the count clauses.md gives, one entry per ID, and no clause without a
// mechanism.
static_assert(std::size(kClauses) == kClauseCount);

constexpr bool every_clause_has_a_kind() {
  for (const Clause& clause : kClauses) {
    if (clause.kinds == 0U) return false;
  }
  return true;
}
static_assert(every_clause_has_a_kind());

constexpr bool ids_are_unique() {
  for (const Clause* a = std::begin(kClauses); a != std::end(kClauses); ++a) {
    for (const Clause* b = a + 1; b != std::end(kClauses); ++b) {
      if (a->id == b->id) return false;
    }
  }
  return true;
}
static_assert(ids_are_unique());

// The catalog's positions ordered by ID, built when the file compiles: the engine looks clauses up by
// ID for every obligation of every case, so a lookup is a binary search, not a scan.
constexpr auto kByIdentifier = [] {
  std::array<std::uint16_t, std::size(kClauses)> order{};
  for (std::uint16_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [](auto a, auto b) { return kClauses[a].id < kClauses[b].id; });
  return order;
}();

}  // namespace

std::span<const Clause> clause_catalog() { return kClauses; }

const Clause* find_clause(std::string_view id) {
  const auto* found = std::lower_bound(kByIdentifier.begin(), kByIdentifier.end(), id,
                                       [](std::uint16_t i, std::string_view wanted) { return kClauses[i].id < wanted; });
  return found != kByIdentifier.end() && kClauses[*found].id == id ? &kClauses[*found] : nullptr;
}

std::optional<std::uint16_t> clause_index(std::string_view id) {
  const Clause* clause = find_clause(id);
  if (!clause) return std::nullopt;
  return static_cast<std::uint16_t>(clause - std::begin(kClauses));
}

bool has_kind(const Clause& clause, MechanismKind wanted) { return (clause.kinds & kind(wanted)) != 0U; }

const Parameter* find_parameter(const Clause& clause, std::string_view name) {
  for (const Parameter& parameter : clause.parameters) {
    if (parameter.name == name) return &parameter;
  }
  return nullptr;
}

}  // namespace haven::standards
