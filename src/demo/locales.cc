// SPDX-License-Identifier: Apache-2.0
// Country mixes include diaspora (Vietnamese and Arabic speakers in France and Germany) because
// a European shop's customers are like that, and it keeps language and country from being the
// same column under two names.
#include "demo/locales.h"

namespace centric::demo {
namespace {

// clang-format off: name tables read as tables.
constexpr NamePart kEnGiven[] = {
    {"Oliver", "oliver"}, {"Amelia", "amelia"}, {"George", "george"},   {"Isla", "isla"},
    {"Harry", "harry"},   {"Emily", "emily"},   {"Jack", "jack"},       {"Sophie", "sophie"},
    {"James", "james"},   {"Grace", "grace"},   {"William", "william"}, {"Olivia", "olivia"},
    {"Noah", "noah"},     {"Ava", "ava"},       {"Thomas", "thomas"},   {"Charlotte", "charlotte"}};
constexpr NamePart kEnFamily[] = {
    {"Smith", "smith"},     {"Jones", "jones"},       {"Taylor", "taylor"},
    {"Brown", "brown"},     {"Williams", "williams"}, {"Wilson", "wilson"},
    {"Johnson", "johnson"}, {"Davies", "davies"},     {"Evans", "evans"},
    {"Thomas", "thomas"},   {"Roberts", "roberts"},   {"Walker", "walker"},
    {"Wright", "wright"},   {"Robinson", "robinson"}, {"Thompson", "thompson"},
    {"Hughes", "hughes"}};
constexpr Country kEnCountries[] = {
    // +44 7700 900xxx is Ofcom's range reserved for fiction.
    {"GB", "Europe/London", "+447700900", 3, 0.6},
    {"IE", "Europe/Dublin", "+35385", 7, 0.3},
    {"MT", "Europe/Malta", "+35679", 6, 0.1}};

constexpr NamePart kFrGiven[] = {
    {"Élodie", "elodie"}, {"Théo", "theo"},         {"Chloé", "chloe"},     {"Léa", "lea"},
    {"Hélène", "helene"}, {"François", "francois"}, {"Amélie", "amelie"},   {"Jérôme", "jerome"},
    {"Noémie", "noemie"}, {"Loïc", "loic"},         {"Camille", "camille"}, {"Antoine", "antoine"},
    {"Zoé", "zoe"},       {"Raphaël", "raphael"},   {"Inès", "ines"},       {"Gaël", "gael"}};
constexpr NamePart kFrFamily[] = {
    {"Martin", "martin"},       {"Bernard", "bernard"},   {"Dubois", "dubois"},
    {"Lefèvre", "lefevre"},     {"Moreau", "moreau"},     {"Girard", "girard"},
    {"Rousseau", "rousseau"},   {"Mercier", "mercier"},   {"Faure", "faure"},
    {"Châtelain", "chatelain"}, {"Gérard", "gerard"},     {"Leroy", "leroy"},
    {"Fontaine", "fontaine"},   {"Bélanger", "belanger"}, {"Lemaître", "lemaitre"},
    {"Marchand", "marchand"}};
constexpr Country kFrCountries[] = {{"FR", "Europe/Paris", "+336", 8, 0.75},
                                    {"BE", "Europe/Brussels", "+32470", 6, 0.15},
                                    {"LU", "Europe/Luxembourg", "+352621", 6, 0.10}};

constexpr NamePart kCaGiven[] = {{"Jordi", "jordi"}, {"Montserrat", "montserrat"},
                                 {"Núria", "nuria"}, {"Pau", "pau"},
                                 {"Arnau", "arnau"}, {"Laia", "laia"},
                                 {"Joan", "joan"},   {"Mireia", "mireia"},
                                 {"Oriol", "oriol"}, {"Mercè", "merce"},
                                 {"Martí", "marti"}, {"Roser", "roser"},
                                 {"Aina", "aina"},   {"Pol", "pol"},
                                 {"Berta", "berta"}, {"Quim", "quim"}};
constexpr NamePart kCaFamily[] = {
    {"Puig", "puig"},     {"Vila", "vila"},     {"Font", "font"},     {"Serra", "serra"},
    {"Soler", "soler"},   {"Ferrer", "ferrer"}, {"Casals", "casals"}, {"Pujol", "pujol"},
    {"Rovira", "rovira"}, {"Vidal", "vidal"},   {"Bosch", "bosch"},   {"Sala", "sala"},
    {"Riera", "riera"},   {"Camps", "camps"},   {"Prat", "prat"},     {"Sabaté", "sabate"}};
constexpr Country kCaCountries[] = {{"ES", "Europe/Madrid", "+346", 8, 0.85},
                                    {"AD", "Europe/Andorra", "+3763", 5, 0.15}};

constexpr NamePart kViGiven[] = {
    {"Thị Lan", "lan"},         {"Văn Hùng", "hung"},    {"Minh Anh", "minhanh"},
    {"Thu Hà", "thuha"},        {"Quốc Bảo", "quocbao"}, {"Ngọc Ánh", "ngocanh"},
    {"Đức Thắng", "ducthang"},  {"Thị Hương", "huong"},  {"Anh Tuấn", "tuan"},
    {"Thanh Phương", "phuong"}, {"Hoài Nam", "nam"},     {"Thị Mai", "mai"},
    {"Gia Huy", "giahuy"},      {"Bảo Ngọc", "baongoc"}, {"Khánh Linh", "khanhlinh"},
    {"Đình Khoa", "khoa"}};
constexpr NamePart kViFamily[] = {
    {"Nguyễn", "nguyen"}, {"Trần", "tran"},   {"Lê", "le"},       {"Phạm", "pham"},
    {"Hoàng", "hoang"},   {"Huỳnh", "huynh"}, {"Phan", "phan"},   {"Vũ", "vu"},
    {"Võ", "vo"},         {"Đặng", "dang"},   {"Bùi", "bui"},     {"Đỗ", "do"},
    {"Hồ", "ho"},         {"Ngô", "ngo"},     {"Dương", "duong"}, {"Lý", "ly"}};
constexpr Country kViCountries[] = {{"VN", "Asia/Ho_Chi_Minh", "+8490", 7, 0.5},
                                    {"FR", "Europe/Paris", "+337", 8, 0.3},
                                    {"DE", "Europe/Berlin", "+49151", 8, 0.2}};

constexpr NamePart kArGiven[] = {
    {"محمد", "mohamed"}, {"أحمد", "ahmed"},  {"فاطمة", "fatima"},   {"عائشة", "aisha"},
    {"يوسف", "youssef"}, {"مريم", "maryam"}, {"علي", "ali"},        {"خديجة", "khadija"},
    {"عمر", "omar"},     {"ليلى", "layla"},  {"حسن", "hassan"},     {"نور", "nour"},
    {"سلمى", "salma"},   {"كريم", "karim"},  {"ياسمين", "yasmine"}, {"إبراهيم", "ibrahim"}};
constexpr NamePart kArFamily[] = {
    {"العلي", "alali"},         {"الحسن", "alhassan"}, {"الخطيب", "alkhatib"},
    {"المنصوري", "almansouri"}, {"الشامي", "alshami"}, {"حداد", "haddad"},
    {"الزين", "alzein"},        {"العمري", "alamri"},  {"النجار", "alnajjar"},
    {"بن علي", "benali"},       {"التازي", "tazi"},    {"الفاسي", "elfassi"},
    {"السيد", "elsayed"},       {"القاسم", "alqasem"}, {"الحربي", "alharbi"},
    {"الإدريسي", "idrissi"}};
constexpr Country kArCountries[] = {{"MA", "Africa/Casablanca", "+2126", 8, 0.35},
                                    {"FR", "Europe/Paris", "+336", 8, 0.25},
                                    {"AE", "Asia/Dubai", "+97150", 7, 0.2},
                                    {"EG", "Africa/Cairo", "+2010", 8, 0.2}};

// clang-format on
constexpr Locale kLocales[] = {
    {"en",
     0.30,
     NameOrder::kGivenFamily,
     kEnGiven,
     kEnFamily,
     kEnCountries,
     {{"Prefers evening deliveries.", "Allergic to nuts: check pizza toppings.",
       "Interested in the loyalty programme."},
      {"Called about the delivery date of order {order}.",
       "Customer called to ask about opening hours.", "Follow-up call: happy with order {order}."},
      {"Sent the invoice for order {order} by email.", "Answered a question about the warranty.",
       "Emailed a 10% voucher for the next order."},
      {"Met in the showroom to choose a sofa fabric.", "Store visit: advice on a new phone.",
       "Meeting about furnishing an office."}}},
    {"fr",
     0.25,
     NameOrder::kGivenFamily,
     kFrGiven,
     kFrFamily,
     kFrCountries,
     {{"Préfère être livré en soirée.",
       "Allergique aux fruits à coque : vérifier les garnitures des pizzas.",
       "Intéressé par le programme de fidélité."},
      {"Appel au sujet de la date de livraison de la commande {order}.",
       "Le client a appelé pour connaître les horaires d'ouverture.",
       "Appel de suivi : satisfait de la commande {order}."},
      {"Facture de la commande {order} envoyée par e-mail.",
       "Réponse à une question sur la garantie.",
       "Envoi d'un bon de réduction de 10 % pour la prochaine commande."},
      {"Rendez-vous au showroom pour choisir le tissu du canapé.",
       "Visite en magasin : conseils pour un nouveau téléphone.",
       "Réunion au sujet de l'aménagement d'un bureau."}}},
    {"ca",
     0.20,
     NameOrder::kGivenTwoFamilies,
     kCaGiven,
     kCaFamily,
     kCaCountries,
     {{"Prefereix el lliurament al vespre.",
       "Al·lèrgic als fruits secs: comproveu els ingredients de les pizzes.",
       "Interessat en el programa de fidelització."},
      {"Trucada sobre la data de lliurament de la comanda {order}.",
       "El client ha trucat per preguntar l'horari d'obertura.",
       "Trucada de seguiment: content amb la comanda {order}."},
      {"Factura de la comanda {order} enviada per correu electrònic.",
       "Resposta a una pregunta sobre la garantia.",
       "Enviat un val de descompte del 10 % per a la propera comanda."},
      {"Reunió a l'exposició per triar la tela del sofà.",
       "Visita a la botiga: consell per a un telèfon nou.",
       "Reunió sobre el mobiliari d'una oficina."}}},
    {"vi",
     0.12,
     NameOrder::kFamilyGiven,
     kViGiven,
     kViFamily,
     kViCountries,
     {{"Thích được giao hàng vào buổi tối.", "Dị ứng với các loại hạt: kiểm tra nhân bánh pizza.",
       "Quan tâm đến chương trình khách hàng thân thiết."},
      {"Gọi điện về ngày giao hàng của đơn hàng {order}.", "Khách hàng gọi điện hỏi giờ mở cửa.",
       "Gọi điện chăm sóc: hài lòng với đơn hàng {order}."},
      {"Đã gửi hóa đơn của đơn hàng {order} qua email.", "Trả lời câu hỏi về chế độ bảo hành.",
       "Đã gửi phiếu giảm giá 10% cho đơn hàng tiếp theo."},
      {"Gặp tại phòng trưng bày để chọn vải ghế sofa.", "Đến cửa hàng: tư vấn mua điện thoại mới.",
       "Họp về việc trang bị nội thất văn phòng."}}},
    {"ar",
     0.13,
     NameOrder::kGivenFamily,
     kArGiven,
     kArFamily,
     kArCountries,
     {{"يفضّل التوصيل في المساء.", "لديه حساسية من المكسرات: يجب التحقق من مكونات البيتزا.",
       "مهتم ببرنامج الولاء."},
      {"اتصال بخصوص موعد تسليم الطلب {order}.", "اتصل العميل للاستفسار عن مواعيد العمل.",
       "مكالمة متابعة: العميل راضٍ عن الطلب {order}."},
      {"تم إرسال فاتورة الطلب {order} بالبريد الإلكتروني.", "الرد على سؤال حول الضمان.",
       "تم إرسال قسيمة خصم 10٪ للطلب القادم."},
      {"لقاء في صالة العرض لاختيار قماش الأريكة.", "زيارة المتجر: نصيحة لشراء هاتف جديد.",
       "اجتماع بخصوص تأثيث مكتب."}}},
};

constexpr std::string_view kStaff[] = {"Marta Vidal", "Karim Haddad", "Julie Martin", "Tom Baker",
                                       "Linh Trần"};

}  // namespace

std::span<const Locale> Locales() { return kLocales; }
std::span<const std::string_view> StaffNames() { return kStaff; }

}  // namespace centric::demo
