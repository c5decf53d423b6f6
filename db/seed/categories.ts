/**
 * The categories an office starts with: the standard report groups (docs/domain.md, "Reports and the police
 * month") and the types the 2011 directive and the register need. Reference data: editable, and a higher
 * office can send its own set down.
 */
export interface SeedGroup {
  readonly code: string;
  readonly vi: string;
  readonly en: string;
  readonly types: readonly (readonly [code: string, vi: string, en: string])[];
}

export const categorySeed: readonly SeedGroup[] = [
  {
    code: 'social_order',
    vi: 'Tội phạm về trật tự xã hội',
    en: 'Crimes against social order',
    types: [
      ['theft', 'Trộm cắp tài sản', 'Theft'],
      ['robbery', 'Cướp tài sản', 'Robbery'],
      ['snatching', 'Cướp giật tài sản', 'Snatch theft'],
      ['assault', 'Cố ý gây thương tích', 'Assault'],
      ['murder', 'Giết người', 'Murder'],
      ['sexual', 'Xâm hại tình dục', 'Sexual offences'],
      ['fraud', 'Lừa đảo chiếm đoạt tài sản', 'Fraud'],
      ['armed_gangs', 'Băng nhóm có vũ khí, tàng trữ vũ khí', 'Armed gangs and weapons'],
      ['protection_racket', 'Bảo kê, cưỡng đoạt tài sản', 'Protection rackets and extortion'],
      ['usury', 'Cho vay lãi nặng', 'Usury'],
      ['public_disorder', 'Gây rối trật tự công cộng', 'Public disorder'],
      ['prostitution', 'Mại dâm', 'Prostitution'],
    ],
  },
  {
    code: 'economic',
    vi: 'Tội phạm về kinh tế, tham nhũng, buôn lậu',
    en: 'Economic crime, corruption, smuggling',
    types: [
      ['corruption', 'Tham nhũng', 'Corruption'],
      ['smuggling', 'Buôn lậu', 'Smuggling'],
      ['counterfeit', 'Hàng giả, gian lận thương mại', 'Counterfeit goods and trade fraud'],
    ],
  },
  {
    code: 'drugs',
    vi: 'Tội phạm về ma túy',
    en: 'Drug crime',
    types: [
      ['drug_trafficking', 'Mua bán trái phép chất ma túy', 'Drug trafficking'],
      ['drug_possession', 'Tàng trữ trái phép chất ma túy', 'Drug possession'],
      ['drug_use_organising', 'Tổ chức sử dụng trái phép chất ma túy', 'Organising drug use'],
      ['drug_use', 'Sử dụng trái phép chất ma túy', 'Illegal drug use'],
    ],
  },
  {
    code: 'environment',
    vi: 'Tội phạm về môi trường, khai thác khoáng sản',
    en: 'Environment and illegal mining',
    types: [
      ['illegal_mining', 'Khai thác khoáng sản trái phép', 'Illegal mining'],
      ['pollution', 'Gây ô nhiễm môi trường', 'Pollution'],
      ['food_safety', 'Vi phạm an toàn thực phẩm', 'Food safety'],
    ],
  },
  {
    code: 'high_tech',
    vi: 'Tội phạm sử dụng công nghệ cao',
    en: 'High-tech crime',
    types: [['online_fraud', 'Lừa đảo qua mạng', 'Online fraud']],
  },
  {
    code: 'gambling',
    vi: 'Cờ bạc, số đề, cá độ',
    en: 'Gambling, illegal lottery, betting',
    types: [
      ['gambling', 'Đánh bạc, tổ chức đánh bạc', 'Gambling'],
      ['illegal_lottery', 'Số đề', 'Illegal lottery'],
      ['football_betting', 'Cá độ bóng đá', 'Football betting'],
    ],
  },
  {
    code: 'mass_order',
    vi: 'Khiếu kiện đông người, đình công, lãn công',
    en: 'Mass complaints, strikes, slowdowns',
    types: [
      ['mass_complaint', 'Khiếu kiện đông người', 'Mass complaints'],
      ['strike', 'Đình công, lãn công', 'Strikes and slowdowns'],
    ],
  },
  {
    code: 'traffic',
    vi: 'Tai nạn và trật tự giao thông',
    en: 'Traffic accidents and order',
    types: [
      ['traffic_accident', 'Tai nạn giao thông', 'Traffic accident'],
      ['traffic_order', 'Vi phạm trật tự giao thông', 'Traffic violation'],
      ['urban_order', 'Vi phạm trật tự đô thị', 'Urban order violation'],
    ],
  },
  {
    code: 'fire',
    vi: 'Cháy, nổ',
    en: 'Fires and explosions',
    types: [
      ['fire', 'Cháy', 'Fire'],
      ['explosion', 'Nổ', 'Explosion'],
    ],
  },
  {
    code: 'administrative',
    vi: 'Vi phạm hành chính',
    en: 'Administrative violations',
    types: [['administrative', 'Vi phạm hành chính về an ninh, trật tự', 'Administrative violation of security and order']],
  },
  {
    code: 'other',
    vi: 'Khác',
    en: 'Other',
    types: [
      ['dispute', 'Tranh chấp, hòa giải', 'Dispute and mediation'],
      ['other', 'Vụ việc khác', 'Other incident'],
    ],
  },
];
