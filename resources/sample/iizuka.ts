/**
 * The sample council: 飯塚市行政経営戦略推進審議会, transcribed from reference 004 of
 * docs/CONVENTIONS.md §9 (会議録 of the 第２回 審議会, 令和5年7月7日, with its 資料１
 * ビジョン骨子案 and 資料２ 各分野の現状と課題及び想定される解決策). PDF line breaks are
 * rejoined; the wording is the reference's own, including its full-width/half-width drift
 * (ＤＸ / DX …), which the publication checks are meant to find.
 * Whatever the reference does not give is left empty or null.
 */
import type {
  AgendaItem,
  Block,
  CouncilBundle,
  Draft,
  DraftVersion,
  MatrixItem,
  Meeting,
  Member,
  Minutes,
  Opinion,
  Remark,
  Section,
  Speaker,
  Staff,
} from '../../shared/domain';
import { newCouncil, newMeeting, randomId } from '../../shared/factory';

export const SAMPLE_COUNCIL_NAME = '飯塚市行政経営戦略推進審議会';

type FieldName = '行政施策' | 'DX推進' | '財務' | '人材育成' | '働き方改革' | '経営';
type FieldBullets = Record<FieldName, string[]>;
const FIELD_ORDER: FieldName[] = ['行政施策', 'DX推進', '財務', '人材育成', '働き方改革', '経営'];

// ---------------------------------------------------------------- people

/** 委員 in roster order. The reference prints family names only. */
const MEMBERS: { name: string; reading: string; role: Member['role'] }[] = [
  { name: '井澤', reading: 'いざわ', role: '会長' },
  { name: '大久保', reading: 'おおくぼ', role: '副会長' },
  { name: '河', reading: 'かわ', role: '委員' },
  { name: '河﨑', reading: 'かわさき', role: '委員' },
  { name: '菅原', reading: 'すがわら', role: '委員' },
  { name: '畠中', reading: 'はたなか', role: '委員' },
];

/** 事務局職員 as listed in the 会議録. */
const STAFF: { department: string; title: string; name: string }[] = [
  { department: '行政経営部', title: '部長', name: '東' },
  { department: '業務改善・ＤＸ推進課', title: '課長', name: '中嶋' },
  { department: '業務改善・ＤＸ推進課', title: '課長補佐', name: '上田' },
  { department: '業務改善・ＤＸ推進課', title: '係長', name: '野見山' },
  { department: '業務改善・ＤＸ推進課', title: '', name: '伊佐' },
];

// ---------------------------------------------------------------- 第２回 会議録

/** 議題１ ＜各委員から出された主な意見＞ (the reference heading ＤＸ推進 is the field DX推進). */
const MEETING2_AGENDA1_OPINIONS: FieldBullets = {
  行政施策: [
    'やめることを決めないと新しいことはできないのではないか。また、事業廃止や中止に向けた予算編成や人員配置の仕組みの導入に尽きるのではないか。',
    '優先順位を決めるべきではないか。そのうえで、すぐ改善できるものはすぐやればいいのではないか。',
    '外部委託に関し、進捗をチェックしてフィードバックすべき。',
    'BPR（Business Process Re-engineering）に関して、飯塚市の戦略の中で本来的な意味で使うのか、業務改善の延長線上の意味で使うのかをしっかりと整理すべき。業務改善の話とその上位にある条例や所掌事務のあり方まで整理しなければ、経営戦略という名称でありながらミクロな業務改善の話で終わってしまう可能性がある。',
  ],
  DX推進: [
    '庁内のDXと住民サービスのDXは分けて考えるべき。また、成果は検証する必要がある。',
    'ツール導入が目的になっている印象を受けた。効果検証を行い、効果が出ていなければ廃止しなければ意味がない。',
    '提出書類の書式について、エクセル方眼紙にならないようにしてほしい。',
    'チャットボットに期待するのは難しいので、電話対応のデータをとって、ホームページなどで発信すればいいのではないか。',
    'オンラインでできるものについて発信することも必要。',
  ],
  財務: [
    '公用車が不足しているとあるが、自家用車利用を可能にしてガソリン代を負担するような制度ができないか。',
    '歳入と歳出とそれぞれの戦略を考えたほうがいい。',
    '歳出を抑えることに重きが置かれているが、それだけだと暗い話になるので、未来に希望が持てるような戦略を検討してもらいたい。',
  ],
  人材育成: [
    '人材の確保に関し、シルバー世代の活用が必須。',
    'デジタル技術を活用していける人材を育てていくという視点が重要。まず、現状把握からすすめてはどうか。手当等のインセンティブの設定や人材像、ＫＰＩの設定が必要。',
    '働きがいは一人ひとり異なるので、上司と部下の間での対話の機会を増やしていくかが大事。',
    'マニュアルをつくればいいのではなく、必要な業務フローなのかも含めて見直したほうがいい。',
    '改善コンテストの実施など競わせて実施してはどうか。',
    '民間に職員を派遣してはどうか。',
  ],
  働き方改革: [
    '管理職が現場にでて状況を確認する必要がある。',
    '誰のための働き方改革なのかを整理すべき。若手や中堅の意見をワークショップを実施するなどして反映させてはどうか。',
    'テレワークに関し、現状を把握してはどうか。',
    '制度を整えても結局はチームビルディングやコミュニケーションの問題とかが大事になるのではないか。',
  ],
  経営: [
    '「行政の常識が民間の非常識」を見直す。ギャップの解消。',
    '他の自治体でできることについては、飯塚市も頑張ってほしい。',
    '施設の使用に関し、減免措置を見直してはどうか。',
  ],
};

const MEETING2_QUESTION = '推進体制のところで市民参画というのは何を想定しているか。';
const MEETING2_ANSWER = '素案について市民意見の募集をする予定であり、市民参画の機会を設けたいということである。';
const MEETING2_DECISION = '第３回審議会においてビジョン素案を提案することで異議なし。';
const MEETING2_NEXT =
  '次回は8月3日（木）13:30からオンラインで、議題はビジョン素案とプランの骨子案について、第4回から第6回までの日程は後日調整';

// ---------------------------------------------------------------- 資料２ 各分野における現状と課題及び想定される解決策

/** 資料２ column 1: 第１回審議会での主な意見 (the 第１回 remarks). */
const MEETING1_OPINIONS: FieldBullets = {
  行政施策: [
    '職員の当たり前を変えると時間もお金も生まれるのではないか。',
    '他の自治体との横並びはいいわけであり、自主性を持ってほしい。',
    '全国一の行政レベルなど一番を目指す、「ザ・イイヅカ」というような独自性を持つことが重要ではないか。',
    '市民側にも市役所はそんなものというあきらめがあるのではないか。',
    'ハードから、ソフト（人やサービス）にお金をかけるべきではないか。',
    '忖度しすぎず、割り切る、毅然とすることも必要。',
  ],
  DX推進: [
    '市役所の資料はつくるのが当たり前となっている。',
    'ＤＸはデジタルツールを導入することよりもやらないことを決めて捨てることが重要。',
    '市民目線から無駄や不要なものをなくしていくことが重要。',
    '銀行の窓口では、職員側でデジタル化するのではなくお客さん側でデジタル化するようにしている。同じようなことが行政でもいえるのではないか。',
    '紙に関するコストや人が歩くことに関するコストに対する意識が職員側にないのではないか。',
    '飯塚市に限らずチャットボットが役に立たない。ＤＸにしても機能していないものも多いのではないか。',
    '公平性への配慮が無駄を生むこともある。',
    'もっと職員には毅然とした態度が必要ではないか、それは腰が低いのとは別である。',
    '窓口業務について、早く処理してもらいたい人向けに機械を置いてもいいのではないか。',
  ],
  財務: [
    '全国的に施設管理の包括委託業務が行われている。行革の中で施設のあり方を議論するとき、住民のためになっているか、行政のためになっているか、考える必要がある。',
    '制度ではなく、手段を議論すべきである。いかに歳出を減らすか、歳入を増やすかを念頭に置く必要がある。',
    '歳出で一番大きいのは高齢者、こども、障がい者、生活保護などの扶助費である。これをどうしていくかは、職員と一緒に考えないといけない。',
  ],
  人材育成: [
    'この審議会を動画にとっておいて、職員でも誰でも見れるようにしておいたらいい。共有することが大事。',
    '各テーマで職員も入ってワークショップもいいのではないか。変わるためには、職員も考えないといけない。',
    '若い人や民間経験者など職員で気づいている人もいるのではないか。',
    '小さな不満を幸せに変える。愛を持ってその人のためにということが大事。簡単なことを積み上げ実績をつくり風潮をつくる。クレームを改善につなげる。',
    '気づきを職員が提出するとポイントがたまるとかできないか。',
    '本質的に、個人には成長欲求、改善欲求があるという前提に立って、モチベーションを低下させない組織づくりが必要。それが、職員満足度の向上につながり、市民サービスの向上、職員のウェルビーイング、市民のウェルビーイング向上につながる。きいてあげるだけで十分だと思う。',
  ],
  働き方改革: [
    '職員の働き方が大事、ヒトに焦点をあて、やらないことを決めることが大事。',
    '人事異動があると、最後の方の年はあまり力をいれず、次の人がやるという意識があり、継承されない。（異動がない）専門職を一部取り入れるのも手法かもしれない。',
  ],
  経営: [
    '仕事をつくっているという感じがする、責任を分散しているのではないか。当たり前を変えていくには、できないのはなぜできないのか説明することが必要。',
    'トップの本気度やコミットメントが大事。',
    '何かを変えられるかどうかはトップの本気度次第だと思う。',
    'オンラインで会議中継していると、首長等が移動中にもみたり、会議に入ったりできる。首長が出席すると委員の顔も意見もかわる。',
  ],
};

/** 資料２ column 2: 各課インタビューにおける主な意見（現状と課題） (interview opinions). */
const INTERVIEW_OPINIONS: FieldBullets = {
  行政施策: [
    '事務事業のスクラップには多大な労力を要し、あまりできておらず、新規事業が増えている状況。',
    'SNSを活用しているがフォロワーが伸び悩んでいる状況にある。',
    '人口減少及び高齢化により、草刈りなどが地域で対応できなくなっており、行政対応が増えている。',
    '専門職の人材確保が難しい状況にある。',
    '事後対応に追われており、未然防止につながる活動（出前講座の実施等）に注力できていない。',
  ],
  DX推進: [
    'オンライン申請は導入しているが、件数は少ない。特に利用者層が高齢者の場合難しい。',
    'オンラインで予約はできるが、申請は紙や電話というように、デジタルとアナログが併存している。',
    '電子決裁について、各種申請など添付書類が多い場合は利用しにくい。また、職員により利用差が大きい。',
    '部署によって求められるＰＣの仕様が異なり、スペック不足の場合がある。',
    'チャットボットが機能していない。電話対応が多い。',
    'システム間でのデータ連携がセキュリティの関係上、自動化できない場合もあり、手作業が発生している。',
    '予算要求等について資料が紙ベースであり、膨大な量となっている。',
    '紙ベースでの申請や報告が多く、手作業での入力やチェック作業の負担がかかる。',
    '電話について、受話器タイプでは肩にはさみながらＰＣを操作したり、書類を探したりしなければならない。また、通話内容の記録がしにくい。',
    '議事録作成に時間と労力がかかっている。',
    'グループウェア上の庁内掲示板について明確なルールがなく、情報が整理されていない。',
    '名刺管理が各職員ごとに紙で行っている状況であり、共有されていない。',
    '現場対応などで必要な情報を書類で持ち出すことが多く、持ち出せる情報に限界がある。',
  ],
  財務: [
    '国県の補助金の活用などに関する情報把握や共有する仕組みが必要。',
    '公用車が不足している部署がある。',
    '公共施設に関し老朽化に伴い修繕等が多く発生しているが、事後対応となっている。また、技術的知見を持つ職員は限られている。',
    '市有地の管理に関し、草刈り等の対応についてニーズにすべて対応できておらず、一部職員が直営で対応している。',
    '各種使用料等において減免している場合が多く収益を圧迫している。',
  ],
  人材育成: [
    '先進地の事例に関する情報把握や共有する仕組みが必要。',
    '庁内手続きなどに関し、マニュアル等を確認する前に担当部署に電話で問い合わせする職員も多く、その対応に時間を要している。',
    '各種マニュアルの整備は職員や部署にゆだねられており、整備状況に差がある。',
    '本庁と支所間で定期的な情報共有や業務改善等に関する機会が設定されておらず、個別に問合せ等で対応している。',
  ],
  働き方改革: [
    '時間外労働について、スケジュールの共有、係内での調整をはかっているが、繁忙期や属人的にならざるを得ない業務について、多くなっている。',
    '休暇取得は、係内調整しているが、配属後間もない職員等は取得しにくく、繁忙期は取得しにくい。',
    '産休、育休、時短職員のカバーについて、もっと手厚くすべき。',
    '本庁舎外にある部署では、会議や研修等で本庁まで移動する必要がある。また、本庁舎で待機時間が発生する場合、利用できる会議室などが確保できればいい。',
    '職場外でメールが閲覧等できる環境があればいい。出張用のＰＣやタブレットがあればいい。',
    '支所等本庁舎外にある部署と本庁舎との間は文書の定期的なやり取りの仕組み（使送便）があるが、それ以外にもよくやり取りが発生する関係団体があり、各部署でその移動に時間を要している。',
  ],
  経営: [
    '外部委託は積極的に進めているが、受け皿の確保が課題。',
    '各部署で市のＰＲを行っているが、専門的知識やノウハウが不十分である。',
    '各部署で債権管理（滞納対応等）を行っているが、専門的知識、ノウハウ等が不足しており、対応にあてる時間も不足している。',
    '福祉に関し、複数の部署に関係する相談が多く、それぞれの部署が連携して対応せざるを得ない。',
    '内部統制への取り組みが進められていない。',
  ],
};

/** 資料２ column 3: 想定される解決案（他自治体の事例含む） (matrix items). */
const SOLUTION_IDEAS: FieldBullets = {
  行政施策: [
    '人材等担い手の確保にむけた業務の効率化や処遇の改善等。',
    '外部委託の推進や範囲の拡充。',
    '広域連携に向けた情報共有等。',
    'スクラップアンドビルドの徹底、仕組み化。',
    'EBPM（Evidence Based Policy Making、証拠に基づく政策立案）の推進。＜統計データ利活用センターの地方公共団体のためのデータ利活用支援サイトに先進事例あり、神戸市、関市、港区など＞',
    '事業廃止や中止に向けた予算編成や人員配置の仕組みの導入。',
  ],
  DX推進: [
    '予約、申請、利用、決済などがオンラインで完結できるシステムの導入',
    '電子決裁の利便性向上と利用の促進',
    '現場に行く部署に関し、タブレット端末に必要な情報を入れて持ち出せれば便利である。',
    '紙ベースでの報告書や申請書について、AIOCRやRPAにより自動化する。また、申請側に対するサポートを行う。',
    '電話について、両手が使えるような受話器（インカム）や自動録音及び文字起こしできる機械があれば便利。＜電話録音につき古賀市、北見市など＞',
    '精度の高い自動議事録作成システムの利用拡大。',
    '名刺管理システムの導入。＜徳島県、仙台市、北九州市など＞',
    'デジタル人材育成にむけた方針の策定及び階層別に段階的な職員研修（デジタル基礎、EBPM、データ活用、デザイン思考等）の実施。＜東京都、滋賀県、鹿屋市、金沢市、大分市など＞',
  ],
  財務: [
    '財源獲得意識（国の補助制度等）の向上に向けた職員研修の実施や情報を収集し共有する仕組みの導入。',
    '全庁的な公共施設の保全マネジメントシステムを導入することで全庁的なコスト縮減を図る。',
    '草刈り対応に関し、防草シートやコンクリート張りなどにより草刈りが必要ない環境の整備（費用対効果を考慮）。',
    '公共施設の包括管理委託の導入＜宗像市、明石市など多数。文教施設については文部科学省「文教施設分野における包括的民間委託導入に向けた手引き」に事例あり＞',
    'インフラメンテナンスの包括的民間委託の導入＜国土交通省「インフラメンテナンスにおける包括的民間委託導入の手引き」に事例あり＞',
    '公共施設の受益者負担に関する基本方針の策定＜北九州市、八王子市、堺市、柏市など＞',
    '公共施設の再配置の推進。＜北九州市、秦野市など＞',
  ],
  人材育成: [
    '業務マニュアル作成ツールの導入＜石狩市＞',
    '人材マネジメントの推進＜地方公共団体における人材マネジメント推進のためのガイドブックに事例あり＞',
    'メンター制度の導入（新人職員と所属が異なる先輩職員をマッチングし、面談を実施する制度）。＜小田原市＞',
    'コーチング研修の実施及びフォローアップ。＜柏市＞',
    '目指す姿を起点としたサービスや事業設計ができる職員の育成に向けた階層別、段階的研修の実施。（DX推進や財源獲得意識に関するものを含む。）',
  ],
  働き方改革: [
    'オンライン会議の利便性の向上（通信環境、会議室等）。',
    '勤務場所以外でリモートワークできる環境の整備。＜地方公共団体におけるテレワーク推進のための手引きに事例あり＞',
    '使送便の対象範囲拡大。',
    '産休、育休等が取得しやすい職場環境の構築。',
  ],
  経営: [
    'ＳＮＳの利活用を含めたシティプロモーション統括部署の設置。＜流山市、川崎市など＞',
    '債権管理専門部署の設置。＜国立市、野洲市、豊田市など＞',
    '地域福祉における重層的支援体制整備の検討。',
    '内部統制（事務処理上のリスクを識別および評価し、対応策を講じることで、事務の適正な執行を確保する取組であり、都道府県及び政令指定都市は整備義務、それ以外の市町村は努力義務がある）導入の検討。＜静岡市など＞',
    '電子決裁の普及促進による事務処理スピードの向上。',
    '予算編成における枠配分方式（１件ずつの査定を行わず枠内での予算配分は部単位などで実施するもの、事例多数であるがその範囲は自治体により異なる）や包括予算制度（人件費も含めた予算を部単位などで配分し、部単位でその包括予算内でマネジメントするもの、足立区や鎌倉市で導入済み）の導入による部単位でのマネジメント推進の検討。',
  ],
};

/** 資料２ column 4: 既に取り組んでいる内容 (matrix items). */
const ONGOING_EFFORTS: FieldBullets = {
  行政施策: [
    '人口減少等を踏まえ選挙時の投票所の統廃合を実施した。',
    'SNSを活用し、若い世代が親しみやすい情報を配信している。',
  ],
  DX推進: [
    '職員の入退庁や会議室予約、時間外勤務、決裁等についてシステム化した。',
    '消防団アプリを導入し、出動報告等をオンライン化した。',
    '電子入札を導入して、工事は原則電子入札としている。',
    'スマホ決済等キャッシュレス決済、証明書等のコンビニ交付を実施している。',
    '公共施設、検診等の利用予約をオンラインでもできるようにしている。',
    '申請書類等の押印は原則廃止している。',
    '企業と連携しスマホアプリを活用したポイント事業を導入した。',
    '紙ベースで提出される報告書の入力をエクセルにて効率化している。',
    '議事録作成に関し、ＡＩ作成システムを導入した。',
    'タブレットを配置している部署では活用している。',
    'DX関連の研修（マインドセット、UI／UX、EBPM）について、階層別の研修を開始している。',
  ],
  財務: ['国等への職員派遣（経済産業省、九州経済産業局等）。'],
  人材育成: ['県の職員研修所での研修受講。'],
  働き方改革: [
    '年間スケジュール、休暇取得予定などは課内で共有し、調整している。',
    '係や課を越えての応援体制、協力体制を構築し一時期に集中する事務について運用している。',
    '時差通勤可能な制度を導入している。',
    '支所間では窓口の繁忙状況等に応じた応援体制をとっている。',
  ],
  経営: ['債権管理について情報共有は実施している。'],
};
// ---------------------------------------------------------------- 資料１ 飯塚市行政経営戦略推進ビジョン 骨子案

/** A section of the outline before it gets ids; headings carry no numbers (the app numbers them). */
interface SectionSpec {
  heading: string;
  blocks: Block[];
  children?: SectionSpec[];
}
const p = (text: string): Block => ({ type: 'paragraph', text });
/** A labelled box of the printed draft (「目指す姿」…): its lines under the label. */
const box = (label: string, ...lines: string[]): Block => ({ type: 'paragraph', text: lines.join('\n'), box: label });
const ul = (...items: string[]): Block => ({ type: 'bullets', items });
const table = (header: boolean, rows: string[][]): Block => ({ type: 'table', header, rows });

const VISION_OUTLINE: SectionSpec[] = [
  {
    heading: 'これまでの行財政改革の取り組みと現状',
    blocks: [],
    children: [
      {
        heading: 'これまでの取り組みと成果',
        blocks: [
          p('平成18年の市町村合併以降、継続的に行財政改革に取り組んできている。'),
          p('平成18年度から令和3年度までの効果額は280億円（計画額153億円）となっている。'),
          table(true, [
            ['年月', '内容'],
            ['平成18年3月', '１市４町合併直後の平成18年度予算で大幅な財政収支の不均衡が発生'],
            ['平成18年11月', '行財政改革大綱及び実施計画を策定（H18～H22：効果額178億円）'],
            ['平成21年12月', '行財政改革実施計画（第一次改訂版）を策定（H21～H25：効果額71億円）'],
            ['平成25年7月', '第二次行財政改革大綱及び実施計画を策定（H25～H30：効果額46億円）'],
            ['令和2年3月', '後期実施計画を策定（R元～R5：目標効果額18億円）'],
          ]),
          p('その他行財政改革に関連し、次のような指針や計画を策定している。'),
          ul(
            '公共施設等のあり方に関する基本指針（平成20年3月第一次、平成28年1月第二次策定）',
            '補助金等の見直しに関する指針（平成21年12月）',
            '民間委託等に関する指針（平成23年8月）',
            '地域情報化計画（平成30年3月策定、令和3年3月改訂）',
            '公民連携推進に関する指針（平成31年3月策定、令和3年7月改訂）',
            '働き方改革推進計画（令和2年2月）',
          ),
        ],
      },
      {
        heading: '取り巻く環境',
        blocks: [
          p('地方財政をめぐる諸課題（令和5年版地方財政白書から）'),
          table(false, [
            ['新型コロナウイルス感染症への対応', 'ウィズコロナ、アフターコロナ対応'],
            ['物価高騰への対応', '公共施設等に関する対応'],
            ['デジタル田園都市国家構想等の推進', 'DXの推進、マイナンバー、地方創生'],
            ['地域の脱炭素化の推進', '公共施設等の脱炭素化の推進'],
            ['防災・減災、国土強靭化及び公共施設等の適正管理の推進', '防災・減災、国土強靭化の推進、施設管理の適正化'],
            ['社会保障制度改革', '全世代対応型の持続可能な社会保障制度、子ども・子育て支援'],
            ['財政マネジメントの強化', '経営・財務マネジメントの強化'],
            ['地方分権改革の推進', '広域連携、公務員行政'],
          ]),
          // The next page of 資料１ (still under Ⅰ, without a numbered heading of its own).
          p('第１回審議会 委員意見のキーワード'),
          p('1. ＤＸ・ＢＰＲ関係'),
          ul(
            '資料作成などは固定概念や前例にとらわれず自由にすればいい',
            '市民目線から不要なものを無くしていくことが重要',
            '紙や職員の移動に関するコスト意識がないのでは',
            '不便を便利にすることが重要',
            '職員側だけでなく、市民や企業なども協力して進めることが必要',
          ),
          p('2. 働き方改革関係'),
          ul(
            '人に焦点をあてやらないことを決める',
            '成長欲求や改善欲求がある前提でモチベーションを低下させないことが大事',
            '総合職だけでなく、専門職を増やしてはどうか',
          ),
          p('3. その他行革関係'),
          ul(
            '職員に気づきを提出させてはどうか',
            '当たり前を変えていくことが必要',
            'ハード面からソフト（人やサービス）にお金をかけるべき',
            '制度ではなく手段を議論すべき',
            '市民参加型の行政がいい。市民と職員が同じ方向を向いていないのではないか',
            '他の自治体との横並びではなく、自主性をもってほしい',
            '一番を目指す、独自性を持つことが重要',
          ),
          p('各課行政改革インタビューでの主な意見'),
          p('1. ＤＸ・ＢＰＲ関係'),
          ul(
            'オンライン申請は導入しているが、件数は少ない',
            '電子決裁について、各種申請など添付書類が多い場合は利用しにくい。また、職員により利用差が大きい',
            '現場に行く部署に関し、タブレット端末に必要な情報を入れて持ち出せれば便利である',
            '部署によって求められるＰＣの仕様が異なる',
            'チャットボットが機能していない。電話対応が多い',
          ),
          p('2. 働き方改革関係'),
          ul(
            '時間外労働について、スケジュールの共有、係内での調整をはかっているが、繁忙期や属人的にならざるを得ない業務について、多くなっている',
            '休暇取得は、係内調整しているが、配属後間もない職員等は取得しにくく、繁忙期は取得しにくい',
            '産休、育休、時短職員のカバーについて、もっと手厚くすべき',
            '職場外でメール閲覧等できる環境があればいい',
          ),
          p('3. その他行革関係'),
          ul(
            '事務事業のスクラップには多大な労力を要し、あまりできておらず、新規事業が増えている状況',
            '外部委託は積極的に進めているが、受け皿の確保が課題',
          ),
        ],
      },
    ],
  },
  {
    heading: 'これからの行政経営の方向性',
    // The 全体イメージ page of 資料１ (a figure), flattened.
    blocks: [
      p('全体イメージ'),
      p('目指す姿：市民サービスと市職員の働きがいがともに上昇する未来'),
      table(true, [
        ['人', '情報・デジタル化', '財政', '施設・モノ'],
        ['職員の働き方改革', '業務の効率化', '歳入の確保', '規模の適正化'],
        ['人材の確保と育成', '利便性の向上', '歳出の抑制', '管理の効率化'],
      ]),
      p('大事にする価値'),
      ul('前例にとらわれず発想し、挑戦する', '市民や企業等とともに進める', '多様性を尊重し、誰一人取り残さない'),
    ],
    children: [
      {
        heading: '目指す姿',
        blocks: [
          p('これからの行政経営を推進するに当たり、５年後の目指す姿を次のとおり設定する。'),
          box('目指す姿', '市民サービスと市職員の働きがいがともに上昇する未来'),
          box(
            '目指す姿の内容',
            '市民サービスを維持向上するためには、市職員が「働きがい」を高めつつ取り組むことが重要であり、「市民サービスの向上」と「市職員の働きがい」は、これを両立することが求められる。',
            'また、「働きがい」を高めるためには、「働きやすさ」と「やりがい」をともに高めていくことが求められる。',
            'さらには、市民サービスの向上が市職員の働きがいの向上につながる好循環を生み出すものとなる。',
          ),
        ],
      },
      {
        heading: '大事にする価値',
        blocks: [
          p('目指す姿を達成するに当たり、次の価値を大事に各施策に取り組む。'),
          p('大事にする価値'),
          box(
            '前例にとらわれず挑戦する',
            '環境の変化に対応するためには、前例にとらわれない発想のもと、積極的に挑戦することが必要である。また、仮にうまくいかなかったとしても、挑戦したことを評価する風土が、次の挑戦を誘発するものとなる。',
          ),
          box(
            '市民や企業等とともに進める',
            'これからの行政経営には、全体最適化の視点を持ち、市民や企業等とともに進めることが必要である。公共施策はもはや行政だけの取り組みではなく、協働、共創の意識を持つことが重要である。',
          ),
          box(
            '多様性を尊重し、誰一人取り残さない',
            '改革の推進に当たっては、費用対効果を重視しつつも、多様性を尊重し、誰一人取り残さない配慮が必要である。',
            '市民、市職員ともに、すべての人のウェルビーイングを実現するための行動が重要である。',
          ),
        ],
      },
      {
        heading: '取り組みの方向性',
        blocks: [p('目指す姿を達成するため、各項目において、次の方針で取り組むこととする。')],
        children: [
          {
            heading: '人',
            blocks: [],
            children: [
              {
                heading: '働き方改革の推進',
                blocks: [
                  p(
                    '働きやすい職場環境を確保することは、市民サービス向上の基盤となるものであり、これからの人材の確保にもつながるものである。',
                  ),
                  p('すべての職員が、やりがいをもって働くことができる環境を整備する。'),
                ],
              },
              {
                heading: '人材の確保・育成',
                blocks: [
                  p(
                    '人口減少が進行する中、市職員だけでなく、地域を支える人材を確保し育成することは、短期的にも中長期的にも、大きな影響を与える。',
                  ),
                  p(
                    '民間企業においても企業価値の向上に向けた人的資本経営の重要性が取りざたされており、戦略的に人材の確保・育成に取り組む。',
                  ),
                ],
              },
            ],
          },
          {
            heading: '情報・デジタル化',
            blocks: [],
            children: [
              {
                heading: '業務の効率化',
                blocks: [
                  p(
                    'デジタル化は手段であり、目的ではない。業務の全体を把握した上で、見直すべきところは見直すことが必要であり、その手段として、デジタル化等を活用する。',
                  ),
                ],
              },
              {
                heading: '利便性の向上',
                blocks: [
                  p('利用者側でデジタル化等により、業務の効率化とともに利便性の向上を実現する。'),
                  p('その際、サポート体制の確保や利用しやすいツールの導入・改善等に取り組む。'),
                ],
              },
            ],
          },
          {
            heading: '財政',
            blocks: [],
            children: [
              {
                heading: '歳入の確保',
                blocks: [
                  p(
                    '市税等の確保に加え、使用料等受益者負担の適正化や、国県の補助金等の活用など、財源の確保に取り組む。',
                  ),
                  p('また、キャッシュレス決済の導入等収納の利便性向上も併せて取り組む。'),
                ],
              },
              {
                heading: '歳出の抑制',
                blocks: [
                  p(
                    'スクラップアンドビルドの徹底など、既存の事務事業を積極的に見直すとともに、包括委託等市職員の人件費も考慮した歳出の抑制に取り組む。',
                  ),
                  p('その際、新たな手法の導入や部署横断的な取り組みにも積極的に取り組む。'),
                ],
              },
            ],
          },
          {
            heading: '施設・モノ',
            blocks: [],
            children: [
              {
                heading: '規模の適正化',
                blocks: [
                  p('人口減少や人口構成の変化等を踏まえ、施設や設備等の規模の適正化に取り組む。'),
                  p(
                    'その際、需要を客観的に把握するとともに、既存の利用者へ配慮しつつ、全市的かつ中長期的視点を持って取り組むこととする。',
                  ),
                ],
              },
              {
                heading: '管理の効率化',
                blocks: [
                  p('施設の老朽化に伴い、修繕等が多く発生しているが、事後的対応となっている。'),
                  p('民間企業とも連携し、ドローン等の新しい技術も活用しながら、効率的な維持管理に取り組む。'),
                ],
              },
            ],
          },
        ],
      },
    ],
  },
  {
    heading: '行政経営戦略推進の方法',
    blocks: [],
    children: [
      {
        // The 目次 says 期間; the page itself says 位置づけと計画期間.
        heading: '位置づけと計画期間',
        blocks: [
          p(
            '本市の最上位計画である「第２次飯塚市総合計画」の分野別計画として「行政経営戦略推進ビジョン」及び「行政経営戦略推進プラン」を策定する。',
          ),
          p(
            'また、本戦略では、行財政改革に関する内容のほか、ＤＸ推進計画及び働き方改革推進計画の内容を包含するものとする。',
          ),
          p(
            '計画期間は、ビジョンは令和６年度から令和10年度までの5年間とし、プランは令和6年度から令和8年度までの3年間とし、必要に応じ見直すこととする。',
          ),
          // The figure of the plan system, flattened.
          ul(
            '第２次飯塚市総合計画',
            '行政経営戦略推進ビジョン（目指す姿と方向性）',
            '行政経営戦略推進プラン（具体的な取り組み）',
          ),
          p('行財政改革のほか、ＤＸ推進及び働き方改革に関する内容を含む'),
          p('関連する計画'),
          ul('公共施設等のあり方に関する方針', '公民連携推進に関する指針', '地域情報化計画', 'など'),
          // The period chart (bars over R6–R10), with each bar's label as its cell.
          table(true, [
            ['計画', '区分', 'R6 R7 R8 R9 R10'],
            ['第２次総合計画', '基本構想', 'H29～R8'],
            ['第２次総合計画', '基本計画', 'H29～R8 R3中間見直し'],
            ['行政経営戦略推進', 'ﾋﾞｼﾞｮﾝ', 'R6～R10'],
            ['行政経営戦略推進', 'ﾌﾟﾗﾝ', 'R6～R8'],
          ]),
        ],
      },
      {
        heading: '推進体制',
        blocks: [
          p('市長を本部長とする「行政経営戦略推進本部」を中心に推進する。'),
          // The organisation chart, flattened; the right column carries the figure's arrow labels.
          table(false, [
            ['行政経営戦略推進本部', '本部長：市長'],
            ['', '副本部長：副市長'],
            ['', '本部員：各部局長'],
            ['幹事会・部会', ''],
            ['推進本部事務局', '業務改善・DX推進課'],
            ['', '財産活用課'],
            ['行政経営戦略推進審議会', '諮問・報告／答申・意見'],
            ['市議会', '報告'],
            ['市民参画', '意見募集'],
          ]),
        ],
      },
      {
        heading: '進行管理（PDCAサイクルとOODAループの活用）',
        blocks: [
          p(
            '近年、状況の変化が激しいことなどから、従来の「ＰＤＣＡサイクル」に加え、観察、判断、決定、実行をループさせていく「ＯＯＤＡループ」の要素も加えて検証、改善を図る。',
          ),
          // The figure: an OODA loop inside Plan–Do–Check–Action, as a table of its two rows.
          table(true, [
            ['Observe', 'Orient', 'Decide', 'Act'],
            [
              '戦略策定のために対象を観察する',
              '取り組みの方向性を判断する',
              '方向性を基に具体策を決定する',
              '取り組みを実行する',
            ],
            [
              '実行のプロセスと結果を観察する',
              '結果を踏まえ、方向性の変更等を判断する',
              '戦略への反映内容を決定する',
              '改善した取り組みを実行する',
            ],
          ]),
        ],
      },
    ],
  },
];

// ---------------------------------------------------------------- the builder

export function buildSampleCouncil(opts: { makeId?: () => string; now?: string } = {}): CouncilBundle {
  const makeId = opts.makeId ?? randomId;
  const now = opts.now ?? new Date().toISOString();
  const stamps = { createdAt: now, updatedAt: now };

  // The sample's six fields (ids made in the order the sample has always used).
  const sampleCouncilId = makeId();
  const sampleFields = FIELD_ORDER.map((name) => ({ id: makeId(), name }));
  const council = newCouncil(
    {
      id: sampleCouncilId,
      name: SAMPLE_COUNCIL_NAME,
      municipality: '飯塚市',
      department: '行政経営部 業務改善・ＤＸ推進課',
      fields: sampleFields,
    },
    makeId,
    now,
  );
  const councilId = council.id;
  const fieldId = (name: FieldName): string => {
    const field = council.fields.find((f) => f.name === name);
    if (!field) throw new Error(`sample: no field ${name}`);
    return field.id;
  };

  const members: Member[] = MEMBERS.map((m, i) => ({
    id: makeId(),
    councilId,
    name: m.name,
    reading: m.reading,
    role: m.role,
    category: '',
    affiliation: '',
    termStart: null,
    termEnd: null,
    order: i + 1,
  }));
  const member = (name: string): Member => {
    const found = members.find((m) => m.name === name);
    if (!found) throw new Error(`sample: no member ${name}`);
    return found;
  };
  const staff: Staff[] = STAFF.map((s, i) => ({ id: makeId(), councilId, ...s, order: i + 1 }));

  const agendaItem = (kind: AgendaItem['kind'], title: string): AgendaItem => ({ id: makeId(), kind, title });

  // ---- remarks and opinions
  const remarks: Remark[] = [];
  const opinions: Opinion[] = [];
  const remarkOrder = new Map<string, number>();
  const remark = (
    meeting: Meeting,
    item: AgendaItem,
    kind: Remark['kind'],
    speaker: Speaker,
    text: string,
    extra: { fieldId?: string | null; replyToId?: string | null } = {},
  ): Remark => {
    const order = (remarkOrder.get(meeting.id) ?? 0) + 1;
    remarkOrder.set(meeting.id, order);
    const r: Remark = {
      id: makeId(),
      meetingId: meeting.id,
      agendaItemId: item.id,
      order,
      kind,
      speaker,
      fieldId: extra.fieldId ?? null,
      text,
      offsetSec: null,
      nonPublic: false,
      needsCheck: false,
      replyToId: extra.replyToId ?? null,
      ...stamps,
    };
    remarks.push(r);
    return r;
  };
  const opinion = (
    init: Pick<Opinion, 'source' | 'summary'> &
      Partial<Pick<Opinion, 'meetingId' | 'remarkId' | 'fieldId' | 'sourceLabel' | 'response' | 'status'>>,
  ): Opinion => {
    const o: Opinion = {
      id: makeId(),
      councilId,
      meetingId: null,
      remarkId: null,
      memberId: null,
      sourceLabel: '',
      fieldId: null,
      response: '',
      status: '',
      sectionIds: [],
      order: opinions.length + 1,
      nonPublic: false,
      ...stamps,
      ...init,
    };
    opinions.push(o);
    return o;
  };
  const unknown: Speaker = { type: 'unknown' };
  const secretariat: Speaker = { type: 'secretariat' };
  const chair: Speaker = { type: 'chair' };

  // ---- 第１回: known only from 資料２'s first column
  const m1Exchange = agendaItem('その他', '意見交換');
  const meeting1 = newMeeting({ councilId, number: 1, status: '開催済', agenda: [m1Exchange] }, makeId, now);
  for (const name of FIELD_ORDER) {
    for (const text of MEETING1_OPINIONS[name]) {
      const r = remark(meeting1, m1Exchange, '意見', unknown, text, { fieldId: fieldId(name) });
      opinion({ source: 'meeting', meetingId: meeting1.id, remarkId: r.id, fieldId: fieldId(name), summary: text });
    }
  }

  // ---- 第２回 (the 会議録)
  const m2Open = agendaItem('開会', '開会');
  const m2Explain = agendaItem('説明', '資料の説明');
  const m2Agenda1 = agendaItem('議題', '各分野の現状と課題及び想定される解決策について');
  const m2Agenda2 = agendaItem('議題', '行政経営戦略推進ビジョン骨子案について');
  const m2Other = agendaItem('その他', 'その他（今後の予定について）');
  const m2Close = agendaItem('閉会', '閉会');
  const meeting2 = newMeeting(
    {
      councilId,
      number: 2,
      date: '2023-07-07',
      startTime: '13:30',
      endTime: '15:30',
      venues: ['オンライン（委員）', '飯塚市役所7階委員会室（事務局）'],
      format: 'ハイブリッド',
      attendance: members.map((m) => ({ memberId: m.id, status: m.name === '井澤' ? '欠席' : 'オンライン出席' })),
      staffPresent: staff.map((s) => s.id),
      chairMemberId: member('大久保').id, // 井澤会長欠席のため、大久保副会長が議事進行
      agenda: [m2Open, m2Explain, m2Agenda1, m2Agenda2, m2Other, m2Close],
      materials: [
        { id: makeId(), label: '資料１', title: '飯塚市行政経営戦略推進ビジョン骨子案', file: null },
        { id: makeId(), label: '資料２', title: '各分野の現状と課題及び想定される解決策', file: null },
      ],
      disclosure: '公開',
      observers: 2,
      status: '公開済',
    },
    makeId,
    now,
  );
  remark(meeting2, m2Open, 'メモ', chair, '井澤会長欠席のため、大久保副会長が議事進行を行う。');
  remark(
    meeting2,
    m2Explain,
    '説明',
    secretariat,
    '資料１ 飯塚市行政経営戦略推進ビジョン骨子案、資料２ 各分野の現状と課題及び想定される解決策について説明',
  );
  for (const name of FIELD_ORDER) {
    for (const text of MEETING2_AGENDA1_OPINIONS[name]) {
      const r = remark(meeting2, m2Agenda1, '意見', unknown, text, { fieldId: fieldId(name) });
      opinion({ source: 'meeting', meetingId: meeting2.id, remarkId: r.id, fieldId: fieldId(name), summary: text });
    }
  }
  const question = remark(meeting2, m2Agenda2, '質問', unknown, MEETING2_QUESTION);
  remark(meeting2, m2Agenda2, '回答', secretariat, MEETING2_ANSWER, { replyToId: question.id });
  remark(meeting2, m2Agenda2, '決定', unknown, MEETING2_DECISION);
  remark(meeting2, m2Other, '報告', secretariat, MEETING2_NEXT);
  opinion({
    source: 'meeting',
    meetingId: meeting2.id,
    remarkId: question.id,
    summary: MEETING2_QUESTION,
    response: MEETING2_ANSWER,
    status: '質問・その他',
  });

  // ---- 第３回: from the next-meeting note of 第２回
  const meeting3 = newMeeting(
    {
      councilId,
      number: 3,
      date: '2023-08-03',
      startTime: '13:30',
      venues: ['オンライン'],
      format: 'オンライン',
      status: '予定',
      agenda: [agendaItem('議題', 'ビジョン素案について'), agendaItem('議題', 'プランの骨子案について')],
    },
    makeId,
    now,
  );

  // ---- 資料２: interview opinions and the matrix's text columns
  for (const name of FIELD_ORDER) {
    for (const text of INTERVIEW_OPINIONS[name]) {
      opinion({ source: 'interview', sourceLabel: '各課インタビュー', fieldId: fieldId(name), summary: text });
    }
  }
  const matrixItems: MatrixItem[] = [];
  const solutionColumn = council.matrixColumns[2];
  const ongoingColumn = council.matrixColumns[3];
  if (!solutionColumn || !ongoingColumn) throw new Error('sample: the council lacks the default matrix columns');
  for (const name of FIELD_ORDER) {
    for (const [column, bullets] of [
      [solutionColumn, SOLUTION_IDEAS],
      [ongoingColumn, ONGOING_EFFORTS],
    ] as const) {
      for (const text of bullets[name]) {
        matrixItems.push({
          id: makeId(),
          councilId,
          fieldId: fieldId(name),
          columnId: column.id,
          text,
          order: matrixItems.length + 1,
        });
      }
    }
  }

  // ---- 資料１: the vision outline, and its frozen 骨子案
  const toSections = (specs: SectionSpec[], parentId: string | null): Section[] =>
    specs.flatMap((spec, i) => {
      const section: Section = { id: makeId(), parentId, order: i + 1, heading: spec.heading, blocks: spec.blocks };
      return [section, ...toSections(spec.children ?? [], section.id)];
    });
  const draft: Draft = {
    id: makeId(),
    councilId,
    title: '飯塚市行政経営戦略推進ビジョン',
    issuer: '飯塚市',
    date: '2023-07-01', // 令和５年７月
    numbering: 'roman',
    sections: toSections(VISION_OUTLINE, null),
    ...stamps,
  };
  const version: DraftVersion = {
    id: makeId(),
    draftId: draft.id,
    stage: '骨子案',
    date: '2023-07-07',
    note: '第２回審議会資料１',
    title: draft.title,
    issuer: draft.issuer,
    numbering: draft.numbering,
    sections: JSON.parse(JSON.stringify(draft.sections)) as Section[],
    frozenAt: now,
  };
  // The working copy gets its own block objects too, so editing it never touches the module data.
  draft.sections = JSON.parse(JSON.stringify(draft.sections)) as Section[];

  // ---- 素案 (第３回審議会資料１): the 骨子案 edited in a few places; the working copy continues from it.
  const soan = JSON.parse(JSON.stringify(version.sections)) as Section[];
  const byHeading = (heading: string): Section => {
    const found = soan.find((x) => x.heading === heading);
    if (!found) throw new Error(`sample: no section ${heading}`);
    return found;
  };
  const paragraphs = (sec: Section) =>
    sec.blocks.filter((b): b is Extract<Block, { type: 'paragraph' }> => b.type === 'paragraph');
  const reword = (heading: string, from: string, to: string) => {
    const para = paragraphs(byHeading(heading)).find((b) => b.text.includes(from));
    if (!para) throw new Error(`sample: no text ${from}`);
    para.text = para.text.replace(from, to);
  };
  reword(
    '利便性の向上',
    '利用者側でデジタル化等により、業務の効率化とともに利便性',
    '利用者側のデジタル化等により、業務の効率化とともに市民の利便性',
  );
  reword('歳入の確保', '市税等の確保に加え、', '市税等の確保に加え、ふるさと納税の推進や');
  reword('位置づけと計画期間', 'ＤＸ推進計画', 'DX推進計画');
  // 管理の効率化 is folded into 規模の適正化 (renamed), and the section itself is deleted.
  const scale = byHeading('規模の適正化');
  const upkeep = byHeading('管理の効率化');
  scale.heading = '規模の適正化と効率的な管理';
  scale.blocks.push(p('また、民間企業とも連携し、ドローン等の新しい技術も活用しながら、効率的な維持管理に取り組む。'));
  soan.splice(soan.indexOf(upkeep), 1);
  // 市民参画 is added under Ⅲ after 推進体制 (the question at 第２回), and 進行管理 moves down one.
  const structure = byHeading('推進体制');
  const participation: Section = {
    id: makeId(),
    parentId: structure.parentId,
    order: structure.order + 1,
    heading: '市民参画',
    blocks: [
      p(
        '素案の段階で市民意見の募集（パブリックコメント）を行うなど、策定及び推進の過程において市民参画の機会を設ける。',
      ),
      p('また、取り組みの状況は市のホームページ等で公表し、市民や企業等からの意見を取り組みの改善に生かす。'),
    ],
  };
  for (const x of soan) if (x.parentId === structure.parentId && x.order > structure.order) x.order += 1;
  soan.splice(soan.indexOf(structure) + 1, 0, participation);
  const soanVersion: DraftVersion = {
    id: makeId(),
    draftId: draft.id,
    stage: '素案',
    date: '2023-08-03',
    note: '第３回審議会資料１',
    title: draft.title,
    issuer: draft.issuer,
    numbering: draft.numbering,
    sections: soan,
    frozenAt: new Date(Date.parse(now) + 1000).toISOString(),
  };
  draft.sections = JSON.parse(JSON.stringify(soan)) as Section[];
  draft.date = '2023-08-01'; // 令和５年８月
  // Opinions taken up in the 素案 (traceability).
  const link = (summary: string, headings: string[], response: string, status: string) => {
    const o = opinions.find((x) => x.summary === summary);
    if (!o) throw new Error(`sample: no opinion ${summary}`);
    Object.assign(o, { sectionIds: headings.map((h) => soan.find((x) => x.heading === h)!.id), response, status });
  };
  link(
    '歳入と歳出とそれぞれの戦略を考えたほうがいい。',
    ['歳入の確保', '歳出の抑制'],
    '取り組みの方向性の「財政」において、歳入の確保と歳出の抑制をそれぞれ方向性として示している。',
    '既に記載',
  );
  link(
    '歳出を抑えることに重きが置かれているが、それだけだと暗い話になるので、未来に希望が持てるような戦略を検討してもらいたい。',
    ['歳入の確保'],
    'ふるさと納税の推進など、歳入の確保に向けた取り組みを素案に追記した。',
    '一部反映',
  );
  link(
    '庁内のDXと住民サービスのDXは分けて考えるべき。また、成果は検証する必要がある。',
    ['業務の効率化', '利便性の向上'],
    '庁内の業務の効率化と市民の利便性の向上を分けて方向性を示している。成果の検証は進行管理の中で行う。',
    '既に記載',
  );
  link(MEETING2_QUESTION, ['市民参画'], MEETING2_ANSWER, '質問・その他');

  const minutes: Minutes = {
    id: meeting2.id,
    meetingId: meeting2.id,
    style: 'summary',
    edits: {},
    history: [],
    publishedAt: null,
    updatedAt: now,
  };

  return {
    council,
    members,
    staff,
    meetings: [meeting1, meeting2, meeting3],
    remarks,
    opinions,
    drafts: [draft],
    draftVersions: [version, soanVersion],
    matrixItems,
    planEntries: [],
    minutes: [minutes],
  };
}
