/**
 * Vietnamese words a password guesser tries first, kept by the project (no published list covers
 * them): written without diacritics and in lower case, as people type them in a password and as the
 * strength estimator (password-strength.ts) sees a password after folding. Each list is ordered
 * roughly from the most to the least common, since the estimator ranks a word by its position.
 * See docs/security.md ("Passwords").
 */

const words = (text: string): string[] => text.trim().split(/\s+/u);

/** Family names, most common first (Nguyễn alone is about 38 % of the population). */
export const familyNames = words(`
nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh dao doan lam mai trinh
truong luong luu cao ha quach tong thai kieu chu ta ton vuong thach lai la khuc mac dong thieu
phung tang kim lac quan van nong giang lo tieu hua
`);

/** Given and middle names. */
export const givenNames = words(`
van thi anh minh hoang huong linh ngoc hai thanh tuan hung duc dung long nam phuong trang hoa lan
mai huy quang khanh hanh thu ha hieu son tam tien trung viet binh cuong dat hien hong kien lam loan
nga nhung oanh phuc quan quynh tai thao thuy toan tu tung uyen vinh yen an bao chau chi cong diep
dieu dong giang hau hoai hue khang khoa khoi kim lien loc luan ly manh my nhan nhi nhu ninh phat
phong phu quoc sang tan thang thanh thinh tho thong thu thuan thuong tien tin trinh tri truc tuyet
tuong van vi vu xuan y duy duong giao hao hiep hoan huu ky lap luong nghia nguyet nhat phi sinh
tham thien tinh trieu truong tuyen ut vuong anhthu baoanh ngocanh minhanh tuananh ducanh
`);

/** Provinces and large cities, old and new names, with their usual short forms. */
export const places = words(`
hanoi saigon hochiminh tphcm hcm danang haiphong cantho hue vietnam thanhhoa nghean hatinh quangbinh
quangtri thuathienhue quangnam quangngai binhdinh phuyen khanhhoa nhatrang ninhthuan binhthuan kontum
gialai daklak daknong lamdong dalat binhphuoc tayninh binhduong dongnai bariavungtau vungtau longan
tiengiang bentre travinh vinhlong dongthap angiang kiengiang haugiang soctrang baclieu camau hagiang
caobang backan tuyenquang laocai dienbien laichau sonla yenbai hoabinh thainguyen langson quangninh
bacgiang phutho vinhphuc bacninh haiduong hungyen thaibinh hanam namdinh ninhbinh halong vinh buonmathuot
pleiku quynhon rachgia mytho longxuyen chaudoc phuquoc condao sapa
`);

/** Police and administration words and abbreviations an officer would reach for. */
export const policeTerms = words(`
congan conganxa conganphuong congantinh conganhuyen canhsat canhsatkhuvuc csgt cand antt anninh
trattu anninhtrattu bocongan ttxh giaothong hinhsu kinhte matuy phongchay pccc cuuhoa quandoi
bodoi chiensi dongchi thieuuy trunguy daiuy thieuta trungta daita thuongta truongcong phocong
truongconganxa doitruong totruong dongchi dang nhandan tqvn tieptuc tiepnhan tinbao sotiepnhan
soantt hoso vuviec toipham baove canbo chiensi khuvuc diaban xa phuong huyen tinh thon ap ban to
ubnd hdnd matkhau quantri quantrivien admin
`);

/** Common syllables and words: greetings, love, family, luck, numbers spelled out. */
export const commonWords = words(`
anh em yeu emyeuanh anhyeuem yeuem toi ban ban be gia dinh giadinh me bo cha con chong vo ong ba
chau co chu di cau mo ngay dem sang toi troi dat nuoc non song nui bien hoa la cay trang vang xanh
do den tim hong bac tien vui buon nho thuong hanh phuc hanhphuc binh an binhan may man mayman phat
tai phattai loc tho khoe manh chao xin cam on camon tam biet tambiet mot hai ba bon nam sau bay tam
chin muoi tram nghin trieu ty khong co khongbiet biet quen nho nhat moi cu lon nho dep xau tot
xau manh yeu nhanh cham cao thap dai ngan tre gia nguoi nha cua duong pho lang que huong quehuong
tinh yeu tinhyeu trai tim traitim thien than thienthan cong chua congchua hoang tu hoangtu
`);

/** Years people put in passwords: births of the last century, the current ones. */
export const years = Array.from({ length: 2040 - 1940 }, (_, index) => String(2040 - 1 - index));

/** Every list, as the estimator's dictionaries. */
export const vietnameseDictionaries: Readonly<Record<string, readonly string[]>> = {
  viFamilyNames: familyNames,
  viGivenNames: givenNames,
  viPlaces: places,
  viPolice: policeTerms,
  viCommon: commonWords,
  viYears: years,
};
