package checker

import (
	"strings"
)

// Langs are the languages every message is written in.
var Langs = []string{"ru", "kk", "en"}

// msg is a message in ru, kk and en; {name} marks an argument.
type msg [3]string

// entry is what the catalogue knows of a finding: how much it matters and
// what it says.
type entry struct {
	sev  Severity
	text msg
}

// catalogue is every finding the checker reports, keyed by code: its
// severity and its message in ru, kk and en. newFinding builds findings
// from it; a test checks that every code in the source is here, in all
// three languages, with the same arguments in each.
var catalogue = map[string]entry{
	// The package as a whole.
	"package/unreadable":      {Error, msg{"Не удалось прочитать пакет {path}: {why}", "{path} топтамасын оқу мүмкін болмады: {why}", "Cannot read the package {path}: {why}"}},
	"package/not-a-package":   {Error, msg{"{path} — не папка и не zip-архив", "{path} — бума да, zip-мұрағат та емес", "{path} is neither a folder nor a zip archive"}},
	"package/no-manifest":     {Error, msg{"В пакете нет манифеста (manifest.yaml или manifest.json)", "Топтамада манифест жоқ (manifest.yaml немесе manifest.json)", "The package has no manifest (manifest.yaml or manifest.json)"}},
	"package/many-manifests":  {Error, msg{"В пакете несколько манифестов ({path}); оставьте один", "Топтамада бірнеше манифест бар ({path}); біреуін қалдырыңыз", "The package has more than one manifest ({path}); keep one"}},
	"package/unsafe-path":     {Error, msg{"Недопустимый путь в архиве: {path} (выход за пределы пакета или абсолютный путь)", "Мұрағаттағы жол рұқсат етілмейді: {path} (топтамадан шығатын немесе абсолют жол)", "Unsafe path in the archive: {path} (it leaves the package or is absolute)"}},
	"package/duplicate":       {Error, msg{"В архиве дважды встречается {path}", "Мұрағатта {path} екі рет кездеседі", "The archive holds {path} twice"}},
	"package/symlink-outside": {Error, msg{"Ссылка {path} указывает за пределы пакета", "{path} сілтемесі топтамадан тыс жерді көрсетеді", "The link {path} points outside the package"}},
	"package/too-many-files":  {Error, msg{"В пакете больше {limit} файлов", "Топтамадағы файлдар саны {limit} шегінен асады", "The package holds more than {limit} files"}},
	"package/file-too-large":  {Error, msg{"Файл {path} больше допустимого ({limit})", "{path} файлы рұқсат етілгеннен үлкен ({limit})", "The file {path} is larger than allowed ({limit})"}},
	"package/too-large":       {Error, msg{"Файлы пакета вместе больше {limit}", "Топтама файлдарының жалпы көлемі {limit} шегінен асады", "The package's files together exceed {limit}"}},
	"package/zip-bomb":        {Error, msg{"Архив распаковывается в подозрительно большой объём ({path}); проверка остановлена", "Мұрағат күдікті үлкен көлемге ашылады ({path}); тексеру тоқтатылды", "The archive inflates to a suspicious size ({path}); checking stopped"}},
	"package/encrypted":       {Error, msg{"Файл {path} в архиве защищён паролем", "Мұрағаттағы {path} файлы құпиясөзбен қорғалған", "The file {path} in the archive is password-protected"}},
	"package/empty":           {Error, msg{"Пакет пуст", "Топтама бос", "The package is empty"}},
	"package/bad-zip":         {Error, msg{"Zip-архив повреждён и не открывается; упакуйте файлы заново", "Zip-мұрағат бүлінген және ашылмайды; файлдарды қайта буып-түйіңіз", "The zip archive is damaged and does not open; pack the files again"}},

	// The manifest.
	"manifest/syntax":          {Error, msg{"Ошибка в записи манифеста (строка {line}): {why}", "Манифест жазылуында қате бар ({line}-жол): {why}", "The manifest is not written correctly (line {line}): {why}"}},
	"manifest/utf8":            {Error, msg{"Манифест не в кодировке UTF-8 (строка {line})", "Манифест UTF-8 кодтауында емес ({line}-жол)", "The manifest is not valid UTF-8 (line {line})"}},
	"manifest/too-deep":        {Error, msg{"Манифест слишком глубоко вложен (больше {limit} уровней)", "Манифест тым терең салынған ({limit} деңгейден артық)", "The manifest is nested too deeply (more than {limit} levels)"}},
	"manifest/too-many-values": {Error, msg{"В манифесте больше {limit} значений (с учётом повторов через якоря и ссылки YAML, & и *)", "Манифестте {limit} мәннен артық бар (YAML зәкірлері мен сілтемелері, & және *, арқылы қайталануларды қоса есептегенде)", "The manifest holds more than {limit} values (counting repeats through YAML anchors and aliases, & and *)"}},
	"manifest/not-object":      {Error, msg{"Манифест должен состоять из строк вида «название: значение»", "Манифест «атауы: мәні» түріндегі жолдардан тұруы керек", "The manifest must be made of \"name: value\" lines"}},
	"manifest/missing-field":   {Error, msg{"Не указано: {field}", "Көрсетілмеген: {field}", "Missing: {field}"}},
	"manifest/unknown-field":   {Error, msg{"Лишнее поле «{got}»{where}: такого поля нет — уберите его или исправьте опечатку", "Артық өріс «{got}»{where}: мұндай өріс жоқ — оны алып тастаңыз немесе қатесін түзетіңіз", "Unknown field \"{got}\"{where}: there is no such field; remove it or correct the spelling"}},
	"manifest/type":            {Error, msg{"Значение записано не в том виде ({field}): нужно указать {want}", "Мән дұрыс түрде жазылмаған ({field}): {want} көрсету керек", "Wrong kind of value ({field}): give {want}"}},
	"manifest/format":          {Error, msg{"Значение записано неверно ({field}): «{got}» — {how}", "Мән дұрыс жазылмаған ({field}): «{got}» — {how}", "Not written correctly ({field}): \"{got}\" — {how}"}},
	"manifest/pattern":         {Error, msg{"Значение записано неверно ({field}): «{got}» — {how}", "Мән дұрыс жазылмаған ({field}): «{got}» — {how}", "Not written correctly ({field}): \"{got}\" — {how}"}},
	"manifest/invalid":         {Error, msg{"Недопустимое значение ({field})", "Рұқсат етілмеген мән ({field})", "Value not allowed ({field})"}},
	"service/missing":          {Error, msg{"В манифесте не указано, для какой услуги пакет", "Манифестте топтаманың қай қызметке арналғаны көрсетілмеген", "The manifest does not say which service the package is for"}},
	"service/unknown":          {Error, msg{"Неизвестная услуга «{got}». Услуги: {list}", "Белгісіз қызмет «{got}». Қызметтер: {list}", "Unknown service \"{got}\". Services: {list}"}},
	"kind/missing":             {Error, msg{"В манифесте не указан вид заявления. Для этой редакции: {list}", "Манифестте өтініш түрі көрсетілмеген. Бұл редакция бойынша: {list}", "The manifest does not say the application kind. For this edition: {list}"}},
	"kind/unknown":             {Error, msg{"В редакции {edition} нет вида заявления «{got}». Есть: {list}", "{edition} редакциясында «{got}» өтініш түрі жоқ. Бар түрлері: {list}", "The {edition} edition has no application kind \"{got}\". It has: {list}"}},
	"edition/unknown":          {Error, msg{"У услуги нет редакции «{got}». Редакции: {list}", "Қызметтің «{got}» редакциясы жоқ. Редакциялары: {list}", "The service has no edition \"{got}\". Editions: {list}"}},
	"edition/none":             {Error, msg{"На дату {date} в источниках нет действовавшей редакции правил этой услуги (есть: {list}). Выберите редакцию сами.", "{date} күніне дереккөздерде бұл қызмет қағидаларының қолданыстағы редакциясы жоқ (барлары: {list}). Редакцияны өзіңіз таңдаңыз.", "No edition of this service's rules in the sources was in force on {date} (editions: {list}). Choose one yourself."}},
	"edition/not-in-sources":   {Error, msg{"Проверить нельзя: перечня документов для вида заявления «{kind}» редакции {edition} нет в источниках ({why})", "Тексеру мүмкін емес: {edition} редакциясындағы «{kind}» өтініш түрі үшін құжаттар тізбесі дереккөздерде жоқ ({why})", "Cannot check: the document list for \"{kind}\" in the {edition} edition is not in the sources ({why})"}},
	"edition/chosen":           {Info, msg{"Проверено по правилам редакции {edition}: {why}", "{edition} редакциясының қағидалары бойынша тексерілді: {why}", "Checked against the {edition} edition: {why}"}},
	"edition/uncertain":        {Warning, msg{"Дата {date} близка к границе действия редакции, точная дата которой в источниках не указана; проверьте редакцию", "{date} күні редакцияның қолданылу шегіне жақын, ал оның нақты күні дереккөздерде көрсетілмеген; редакцияны тексеріңіз", "{date} is close to the start or end of the edition, whose exact date the sources do not give; make sure it is the right edition"}},
	"edition/not-in-force":     {Error, msg{"Редакция {edition} по источникам не действовала на дату подачи {date}. {current}", "Дереккөздер бойынша {edition} редакциясы берілген күні ({date}) қолданыста болмаған. {current}", "By the sources, the {edition} edition was not in force on the filing date {date}. {current}"}},
	"edition/historical":       {Warning, msg{"Проверка задним числом (--as-of): редакция {edition} на дату подачи {date} не действовала; пакет проверен по ней, как вы просили, но готовым к подаче по ней он быть не может", "Өткен күнге тексеру (--as-of): {edition} редакциясы берілген күні ({date}) қолданыста болмаған; топтама сіз сұрағандай сол бойынша тексерілді, бірақ ол бойынша беруге дайын бола алмайды", "Historical check (--as-of): the {edition} edition was not in force on the filing date {date}; the package was checked against it as you asked, but it cannot be ready to submit under it"}},
	"edition/overlap":          {Warning, msg{"На дату подачи {date} по источникам действовали две редакции — {a} и {b}; проверено по редакции {chosen}. Укажите в манифесте редакцию, по которой подаёте", "Дереккөздер бойынша {date} берілген күні екі редакция қолданыста болды — {a} және {b}; {chosen} редакциясы бойынша тексерілді. Манифестте қай редакция бойынша беретініңізді көрсетіңіз", "By the sources two editions were in force on the filing date {date} — {a} and {b}; checked against the {chosen} edition. Name the edition you file under in the manifest"}},
	"service/other-page":       {Error, msg{"Этот пакет — для услуги «{got}», а на этой странице проверяются пакеты услуги «{want}». Откройте страницу проверки услуги «{got}».", "Бұл топтама «{got}» қызметіне арналған, ал бұл бетте «{want}» қызметінің топтамалары тексеріледі. «{got}» қызметін тексеру бетін ашыңыз.", "This package is for \"{got}\", but this page checks packages for \"{want}\". Open the check page of \"{got}\"."}},
	"checklist/partial":        {Warning, msg{"Перечень документов этой редакции в источниках неполный ({why}); проверены только указанные пункты", "Бұл редакцияның құжаттар тізбесі дереккөздерде толық емес ({why}); тек көрсетілген тармақтар тексерілді", "This edition's document list is incomplete in the sources ({why}); only the listed items were checked"}},

	// Answers.
	"answer/missing":     {Error, msg{"Ответьте на вопрос: {question}", "Сұраққа жауап беріңіз: {question}", "Answer the question: {question}"}},
	"answer/invalid":     {Error, msg{"«{got}» — не ответ на вопрос «{question}». Ответы: {list}", "«{got}» — «{question}» сұрағының жауабы емес. Жауаптар: {list}", "\"{got}\" is not an answer to \"{question}\". Answers: {list}"}},
	"answer/unknown":     {Error, msg{"Вопрос «{got}» для этого заявления не задаётся; уберите его. Вопросы: {list}", "Бұл өтініш үшін «{got}» сұрағы қойылмайды; оны алып тастаңыз. Сұрақтар: {list}", "\"{got}\" is not asked for this application; remove it. Questions: {list}"}},
	"subspecies/missing": {Error, msg{"Укажите подвид(ы) деятельности: {list}", "Қызметтің кіші түрін (түрлерін) көрсетіңіз: {list}", "Name the activity subspecies applied for: {list}"}},
	"subspecies/unknown": {Error, msg{"В этой редакции нет подвида «{got}». Подвиды: {list}", "Бұл редакцияда «{got}» кіші түрі жоқ. Кіші түрлері: {list}", "This edition has no subspecies \"{got}\". Subspecies: {list}"}},

	// Documents.
	"document/missing":       {Error, msg{"Не приложен документ: {name}{because}", "Құжат қоса берілмеген: {name}{because}", "Missing document: {name}{because}"}},
	"document/unknown":       {Error, msg{"«{got}» — не пункт перечня документов этого заявления: перенесите файл в нужный пункт или уберите его", "«{got}» — бұл өтініштің құжаттар тізбесінің тармағы емес: файлды тиісті тармаққа ауыстырыңыз немесе алып тастаңыз", "\"{got}\" is not an item of this application's document list: move the file to the right item, or remove it"}},
	"info/missing":           {Error, msg{"Не указаны сведения: {name}{because}", "Мәліметтер көрсетілмеген: {name}{because}", "Missing information: {name}{because}"}},
	"document/file-missing":  {Error, msg{"Файла {file} нет в пакете", "{file} файлы топтамада жоқ", "The file {file} is not in the package"}},
	"document/file-empty":    {Error, msg{"Файл {file} пуст", "{file} файлы бос", "The file {file} is empty"}},
	"document/file-type":     {Error, msg{"Файл {file} — {got}, а для этого документа нужен {want}", "{file} файлы — {got}, ал бұл құжат үшін {want} қажет", "The file {file} is {got}, but this document must be {want}"}},
	"document/extension":     {Warning, msg{"Файл {file} по содержимому — {got}, а расширение у него .{ext}", "{file} файлы мазмұны бойынша — {got}, ал кеңейтімі .{ext}", "The file {file} is {got} by its content but named .{ext}"}},
	"document/pdf-broken":    {Error, msg{"PDF-файл {file} не открывается: {why}", "{file} PDF-файлы ашылмайды: {why}", "The PDF {file} does not open: {why}"}},
	"document/pdf-encrypted": {Error, msg{"PDF-файл {file} защищён паролем: услугодатель не сможет его прочитать", "{file} PDF-файлы құпиясөзбен қорғалған: көрсетілетін қызметті беруші оны оқи алмайды", "The PDF {file} is password-protected: the provider will not be able to read it"}},
	"document/image-broken":  {Error, msg{"Изображение {file} повреждено и не открывается", "{file} суреті бүлінген және ашылмайды", "The image {file} is damaged and does not open"}},
	"document/cms-broken":    {Error, msg{"Файл подписи {file} повреждён или это не подпись CMS ({why}). Подпишите документ заново и сохраните подпись в DER (NCALayer делает так по умолчанию)", "{file} қолтаңба файлы бүлінген немесе CMS қолтаңбасы емес ({why}). Құжатқа қайта қол қойып, қолтаңбаны DER түрінде сақтаңыз (NCALayer әдепкі бойынша солай жасайды)", "The signature file {file} is damaged or not a CMS signature ({why}). Sign the document again and save the signature as DER (NCALayer does so by default)"}},
	"document/not-signed":    {Warning, msg{"Документ должен быть подписан ЭЦП; файл {file} подписи не содержит. Подпишите его при подаче на портале.", "Құжатқа ЭЦҚ-мен қол қойылуы керек; {file} файлында қолтаңба жоқ. Порталда берген кезде қол қойыңыз.", "This document must carry your digital signature; {file} has none. Sign it when you submit it on the portal."}},
	"document/not-required":  {Warning, msg{"Документ «{name}» для ваших ответов не требуется", "Сіздің жауаптарыңыз бойынша «{name}» құжаты қажет емес", "\"{name}\" is not required for your answers"}},
	"document/fetched":       {Info, msg{"Прикладывать не нужно — услугодатель получает сам из государственных систем: {name}", "Қоса берудің қажеті жоқ — көрсетілетін қызметті беруші мемлекеттік жүйелерден өзі алады: {name}", "You need not attach it — the provider obtains it from state systems itself: {name}"}},
	"document/bad-path":      {Error, msg{"Путь {file} недопустим: укажите путь внутри пакета, через «/»", "{file} жолы рұқсат етілмейді: топтама ішіндегі жолды «/» арқылы көрсетіңіз", "The path {file} is not allowed: give a path inside the package, with \"/\""}},
	"package/unused-file":    {Info, msg{"Файл {file} есть в пакете, но ни к одному пункту не относится", "{file} файлы топтамада бар, бірақ ешбір тармаққа жатпайды", "The file {file} is in the package but belongs to no item"}},

	// Electronic signatures (signed.go).
	"signature/verified":        {Info, msg{"Подпись в файле {file} верна: {who}, {alg}. Цепочка сертификатов проверена до корневого сертификата НУЦ РК «{root}». Отзыв сертификата эта проверка не видит: его проверяет услугодатель", "{file} файлындағы қолтаңба дұрыс: {who}, {alg}. Сертификаттар тізбегі ҚР ҰКО «{root}» түбірлік сертификатына дейін тексерілді. Сертификаттың кері қайтарылғанын бұл тексеру көрмейді: оны көрсетілетін қызметті беруші тексереді", "The signature in {file} is valid: {who}, {alg}. The certificate chain was verified to the NCA's root \"{root}\". Whether the certificate was revoked is beyond this check: the provider checks it"}},
	"signature/content-changed": {Error, msg{"Подпись в файле {file} не сходится с подписанным документом: документ изменён после подписания или приложен не тот файл. Подпишите документ заново", "{file} файлындағы қолтаңба қол қойылған құжатпен сәйкес келмейді: құжат қол қойылғаннан кейін өзгертілген немесе басқа файл қоса берілген. Құжатқа қайта қол қойыңыз", "The signature in {file} does not match the signed document: the document was changed after signing, or another file is attached. Sign the document again"}},
	"signature/invalid":         {Error, msg{"Подпись в файле {file} недействительна: значение подписи не проверяется открытым ключом сертификата. Подпишите документ заново", "{file} файлындағы қолтаңба жарамсыз: қолтаңба мәні сертификаттың ашық кілтімен расталмайды. Құжатқа қайта қол қойыңыз", "The signature in {file} is not valid: the signature value does not verify with the certificate's public key. Sign the document again"}},
	"signature/no-document":     {Error, msg{"{file} — отделённая подпись (документа внутри нет), а подписанного документа в пакете нет. Положите документ рядом с подписью под именем {want} или подпишите его с вложением документа", "{file} — бөлек қолтаңба (ішінде құжат жоқ), ал қол қойылған құжат топтамада жоқ. Құжатты қолтаңбаның жанына {want} атымен салыңыз немесе құжатты ішіне салып қол қойыңыз", "{file} is a detached signature (the document is not inside), and the signed document is not in the package. Put the document beside it as {want}, or sign with the document attached"}},
	"signature/not-verified":    {Warning, msg{"Подпись в файле {file} не проверена: {why}. Это не ошибка, но и не подтверждение", "{file} файлындағы қолтаңба тексерілмеді: {why}. Бұл қате емес, бірақ растау да емес", "The signature in {file} was not verified: {why}. Not an error, and not a confirmation either"}},
	"signature/no-certificate":  {Warning, msg{"В файле подписи {file} нет сертификата подписавшего: кто подписал, проверить нельзя. Сохраните подпись с сертификатом (NCALayer делает так по умолчанию)", "{file} қолтаңба файлында қол қоюшының сертификаты жоқ: кім қол қойғанын тексеру мүмкін емес. Қолтаңбаны сертификатымен сақтаңыз (NCALayer әдепкі бойынша солай жасайды)", "The signature file {file} holds no signer's certificate: who signed cannot be checked. Save the signature with the certificate (NCALayer does so by default)"}},
	"signature/expired":         {Error, msg{"Сертификат ЭЦП ({who}) в файле {file} не действовал {when} ({date}): он действует с {from} по {to}. Подпишите действующим ключом", "{file} файлындағы ЭЦҚ сертификаты ({who}) {when} ({date}) жарамсыз болған: ол {from} күнінен бастап {to} күніне дейін жарамды. Жарамды кілтпен қол қойыңыз", "The signing certificate ({who}) in {file} was not valid at the {when} ({date}): it is valid from {from} to {to}. Sign with a valid key"}},
	"signature/other-signer":    {Error, msg{"Файл {file} подписан не заявителем: {who}, а заявитель — {want}. Подпишите документ ключом ЭЦП заявителя", "{file} файлына өтініш беруші емес, {who} қол қойған, ал өтініш беруші — {want}. Құжатқа өтініш берушінің ЭЦҚ кілтімен қол қойыңыз", "{file} is not signed by the applicant: {who} signed it, but the applicant is {want}. Sign it with the applicant's key"}},
	"signature/personal-key":    {Error, msg{"Файл {file} подписан личным ключом физического лица ({who}), а заявитель — юридическое лицо (БИН {bin}). Подпишите ключом ЭЦП юридического лица: в его сертификате указан БИН", "{file} файлына жеке тұлғаның жеке кілтімен қол қойылған ({who}), ал өтініш беруші — заңды тұлға (БСН {bin}). Заңды тұлғаның ЭЦҚ кілтімен қол қойыңыз: оның сертификатында БСН көрсетілген", "{file} is signed with an individual's personal key ({who}), but the applicant is a legal entity (BIN {bin}). Sign with the legal entity's key, whose certificate names its BIN"}},
	"signature/no-right":        {Error, msg{"Файл {file} подписан ключом сотрудника ({who}) без права подписи за юридическое лицо. Подпишите ключом первого руководителя или лица с правом подписи", "{file} файлына заңды тұлға атынан қол қою құқығы жоқ қызметкердің кілтімен қол қойылған ({who}). Бірінші басшының немесе қол қою құқығы бар адамның кілтімен қол қойыңыз", "{file} is signed with an employee's key ({who}) that has no right to sign for the legal entity. Sign with the first head's key, or that of a person with the right to sign"}},
	"signature/not-nca":         {Error, msg{"Сертификат подписи в файле {file} не называет ни ИИН, ни БИН: это не сертификат НУЦ РК. Подпишите ключом ЭЦП, выданным НУЦ", "{file} файлындағы қолтаңба сертификатында ЖСН де, БСН де жоқ: бұл ҚР ҰКО сертификаты емес. ҰКО берген ЭЦҚ кілтімен қол қойыңыз", "The signing certificate in {file} names neither an IIN nor a BIN: it is not an NCA certificate. Sign with a key issued by the NCA"}},
	"signature/smime":           {Error, msg{"Файл {file} — текст S/MIME (так сохраняет «openssl cms -sign» без «-outform DER»), а не файл подписи CMS. Сохраните подпись в DER (openssl cms -sign … -outform DER) или подпишите в NCALayer", "{file} файлы — S/MIME мәтіні («openssl cms -sign» «-outform DER» параметрінсіз осылай сақтайды), CMS қолтаңба файлы емес. Қолтаңбаны DER түрінде сақтаңыз (openssl cms -sign … -outform DER) немесе NCALayer арқылы қол қойыңыз", "{file} is S/MIME text (what 'openssl cms -sign' writes without '-outform DER'), not a CMS signature file. Save the signature as DER (openssl cms -sign … -outform DER), or sign in NCALayer"}},

	// Application fields.
	"applicant/name-missing": {Error, msg{"Укажите наименование или ФИО заявителя", "Өтініш берушінің атауын немесе тегін, атын, әкесінің атын көрсетіңіз", "Give the applicant's name"}},
	"applicant/bin-missing":  {Error, msg{"Укажите БИН заявителя", "Өтініш берушінің БСН-ін көрсетіңіз", "Give the applicant's business identification number (BIN)"}},
	"applicant/iin-missing":  {Error, msg{"Укажите ИИН заявителя", "Өтініш берушінің ЖСН-ін көрсетіңіз", "Give the applicant's individual identification number (IIN)"}},
	"applicant/bin-invalid":  {Error, msg{"БИН {got} недействителен: {why}", "{got} БСН жарамсыз: {why}", "The BIN {got} is not valid: {why}"}},
	"applicant/bin-unquoted": {Error, msg{"БИН записан без кавычек и прочитан как число: возьмите его в кавычки — \"{got}\"", "БСН тырнақшасыз жазылып, сан ретінде оқылды: оны тырнақшаға алыңыз — \"{got}\"", "The BIN is written without quotes and was read as a number: write it in quotes — \"{got}\""}},
	"applicant/iin-unquoted": {Error, msg{"ИИН записан без кавычек и прочитан как число: возьмите его в кавычки — \"{got}\"", "ЖСН тырнақшасыз жазылып, сан ретінде оқылды: оны тырнақшаға алыңыз — \"{got}\"", "The IIN is written without quotes and was read as a number: write it in quotes — \"{got}\""}},
	"applicant/iin-invalid":  {Error, msg{"ИИН {got} недействителен: {why}", "{got} ЖСН жарамсыз: {why}", "The IIN {got} is not valid: {why}"}},

	// Fees.
	"fee/missing":        {Error, msg{"Укажите уплаченную сумму сбора и дату оплаты", "Төленген алым сомасын және төлем күнін көрсетіңіз", "Give the amount of the fee paid and the payment date"}},
	"fee/mismatch":       {Error, msg{"{todo}. Требуется {rate} МРП × {mci} = {want} (МРП на {date}); уплачено {paid}", "{todo}. Қажеті: {rate} АЕК × {mci} = {want} ({date} күнгі АЕК); төленгені {paid}", "{todo}. Due: {rate} MCI × {mci} = {want} (the MCI on {date}); paid: {paid}"}},
	"fee/ok":             {Info, msg{"Сбор уплачен верно: {paid} ({rate} МРП × {mci})", "Алым дұрыс төленген: {paid} ({rate} АЕК × {mci})", "Fee paid correctly: {paid} ({rate} MCI × {mci})"}},
	"fee/not-due":        {Warning, msg{"По этой редакции услуга бесплатна; платить не нужно", "Бұл редакция бойынша қызмет тегін; төлеудің қажеті жоқ", "This service is free under this edition; no fee is due"}},
	"fee/amount-unknown": {Info, msg{"Сумма сбора в акте не указана; проверено только наличие документа об оплате", "Алым сомасы актіде көрсетілмеген; тек төлем құжатының бар-жоғы тексерілді", "The act gives no fee amount; only the proof of payment was checked"}},
	"fee/no-mci":         {Warning, msg{"Сбор на {date} — {rate} МРП, но значения МРП на этот год в справочной таблице нет: сумму в тенге проверить нельзя", "{date} күнгі алым — {rate} АЕК, бірақ анықтамалық кестеде сол жылғы АЕК мәні жоқ: теңгемен соманы тексеру мүмкін емес", "The fee on {date} is {rate} MCI, but the reference table has no MCI for that year: the amount in tenge cannot be checked"}},

	// The program, not the package.
	"checker/fault":      {Error, msg{"Проверка не выполнена из-за сбоя программы, а не из-за вашего пакета: перечень документов не читается. Сообщите разработчикам Ruqsat.", "Тексеру сіздің топтамаңызға байланысты емес, бағдарламаның ақауына байланысты орындалмады: құжаттар тізбесі оқылмайды. Ruqsat әзірлеушілеріне хабарлаңыз.", "The check did not run because of a fault in the program, not in your package: the document list cannot be read. Please tell the Ruqsat developers."}},
	"checker/page-fault": {Error, msg{"Проверка не выполнена из-за сбоя программы, а не из-за вашего пакета; обновите страницу.", "Тексеру сіздің топтамаңызға байланысты емес, бағдарламаның ақауына байланысты орындалмады; бетті жаңартыңыз.", "The check did not run because of a fault in the program, not in your package; reload the page."}},

	// Dates.
	"date/implausible":          {Error, msg{"Даты {date} ({field}) быть не может — она раньше 16 декабря 1991 года; проверьте год", "{date} күні ({field}) болуы мүмкін емес — ол 1991 жылғы 16 желтоқсаннан ерте; жылын тексеріңіз", "{date} ({field}) cannot be right: it is before 16 December 1991; check the year"}},
	"date/future":               {Error, msg{"Дата {date} ({field}) ещё не наступила (проверка на {today}); проверьте дату", "{date} күні ({field}) әлі келген жоқ (тексеру күні — {today}); күнді тексеріңіз", "{date} ({field}) is in the future (checking as of {today}); check the date"}},
	"date/fee-after-filing":     {Error, msg{"Сбор оплачен {fee} — позже подачи заявления {filed}; проверьте обе даты", "Алым {fee} күні төленген — өтініш берілген {filed} күнінен кейін; екі күнді де тексеріңіз", "The fee was paid on {fee}, after the filing date {filed}; check both dates"}},
	"renewal/no-change":         {Error, msg{"Для переоформления укажите дату изменения, ставшего его основанием", "Қайта ресімдеу үшін оған негіз болған өзгерістің күнін көрсетіңіз", "For a renewal, give the date of the change that makes it necessary"}},
	"renewal/late":              {Error, msg{"Заявление подаётся {filed}, через {days} дн. после изменения {change}; срок — {window} календарных дней", "Өтініш {filed} күні, {change} күнгі өзгерістен кейін {days} күн өткен соң беріледі; мерзімі — {window} күнтізбелік күн", "Filed on {filed}, {days} days after the change on {change}; the deadline is {window} calendar days"}},
	"renewal/in-time":           {Info, msg{"Срок подачи на переоформление соблюдён: {days} из {window} календарных дней", "Қайта ресімдеуге өтініш беру мерзімі сақталған: {window} күнтізбелік күннен {days} күн өтті", "Renewal filed in time: {days} of {window} calendar days"}},
	"renewal/no-reason":         {Warning, msg{"Укажите, какой из случаев, названных в правилах, требует переоформления: {list}", "Қайта ресімдеуге қағидаларда аталған қай жағдай негіз болғанын көрсетіңіз: {list}", "Say which of the cases the rules name calls for the renewal: {list}"}},
	"renewal/reason-not-in-act": {Error, msg{"«{got}» — не основание для переоформления по этой редакции: правила называют только такие случаи: {list}", "«{got}» — бұл редакция бойынша қайта ресімдеу негізі емес: қағидалар тек мына жағдайларды атайды: {list}", "\"{got}\" is not a ground for renewal under this edition: the rules name only these cases: {list}"}},
	"renewal/reason-applicant":  {Error, msg{"«{reason}» — основание для переоформления только для лицензиата, который является: {who}; а заявитель по вашим ответам — {got}", "«{reason}» — лицензиат {who} болған жағдайдағы ғана қайта ресімдеу негізі; ал сіздің жауаптарыңыз бойынша өтініш беруші — {got}", "\"{reason}\" is a ground for renewal only for a licensee that is {who}; by your answers the applicant is {got}"}},
	"renewal/reason":            {Info, msg{"Основание для переоформления: {reason}", "Қайта ресімдеу негізі: {reason}", "Ground for renewal: {reason}"}},

	// What else the acts decide on (acts.go).
	"channel/not-allowed":       {Error, msg{"«{got}» — не предусмотренный этой редакцией способ подачи; документы принимаются: {list}", "«{got}» — бұл редакцияда көзделмеген беру тәсілі; құжаттар былай қабылданады: {list}", "\"{got}\" is not a way of filing under this edition; it accepts: {list}"}},
	"legalisation/none":         {Error, msg{"«{name}» выдан за рубежом и не легализован, а правила требуют апостиль или консульскую легализацию. Легализуйте документ до подачи", "«{name}» шетелде берілген және заңдастырылмаған, ал қағидалар апостиль немесе консулдық заңдастыруды талап етеді. Құжатты бергенге дейін заңдастырыңыз", "\"{name}\" was issued abroad and is not legalised, but the rules require an apostille or consular legalisation. Have it legalised before filing"}},
	"legalisation/treaty":       {Warning, msg{"«{name}»: освобождения от легализации по международному договору в источниках нет — правила называют только апостиль или консульскую легализацию. Проверить это нельзя; уточните у услугодателя", "«{name}»: халықаралық шарт бойынша заңдастырудан босату дереккөздерде жоқ — қағидалар тек апостиль немесе консулдық заңдастыруды атайды. Мұны тексеру мүмкін емес; көрсетілетін қызметті берушіден нақтылаңыз", "\"{name}\": the sources give no exemption from legalisation under a treaty — the rules name only an apostille or consular legalisation. This cannot be checked; ask the provider"}},
	"legalisation/ok":           {Info, msg{"«{name}» легализован ({how}), как требуют правила", "«{name}» қағидалар талап еткендей заңдастырылған ({how})", "\"{name}\" is legalised ({how}), as the rules require"}},
	"legalisation/not-required": {Warning, msg{"«{got}»: правила этой редакции не требуют легализовать этот документ", "«{got}»: бұл редакцияның қағидалары бұл құжатты заңдастыруды талап етпейді", "\"{got}\": the rules of this edition do not require this document to be legalised"}},
	"legalisation/ask":          {Info, msg{"Если «{name}» выдан за рубежом, он должен быть легализован (апостиль или консульская легализация); укажите в манифесте, как он легализован", "Егер «{name}» шетелде берілсе, ол заңдастырылуы тиіс (апостиль немесе консулдық заңдастыру); оның қалай заңдастырылғанын манифестте көрсетіңіз", "If \"{name}\" was issued abroad, it must be legalised (apostille or consular legalisation); say in the manifest how it was legalised"}},

	// A filing channel the application kind does not provide, where the act
	// gives the kind fewer channels than the edition (acts.go).
	"channel/not-allowed-kind": {Error, msg{"«{got}» — не предусмотренный этой редакцией способ подачи для вида заявления «{kind}»; такое заявление принимается: {list}", "«{got}» — бұл редакцияда «{kind}» өтініш түрі үшін көзделмеген беру тәсілі; мұндай өтініш былай қабылданады: {list}", "\"{got}\" is not a way of filing a {kind} under this edition; it is accepted: {list}"}},
	// The signer certificate's chain to the NCA's roots (chain.go of checker/signature).
	"signature/chain-not-checked": {Warning, msg{"Подпись в файле {file} верна ({who}, {alg}), но эта проверка не может подтвердить, что ключ выдан НУЦ РК: сертификат выдан удостоверяющим центром «{issuer}», а его открытого сертификата в проверке нет. Если ключ получен в НУЦ РК, услугодатель проверит его сам; иначе подпишите ключом ЭЦП, выданным НУЦ РК", "{file} файлындағы қолтаңба дұрыс ({who}, {alg}), бірақ бұл тексеру кілтті ҚР ҰКО бергенін растай алмайды: сертификатты «{issuer}» куәландырушы орталығы берген, ал оның ашық сертификаты тексеруде жоқ. Кілт ҚР ҰКО-дан алынған болса, көрсетілетін қызметті беруші оны өзі тексереді; әйтпесе ҚР ҰКО берген ЭЦҚ кілтімен қол қойыңыз", "The signature in {file} is valid ({who}, {alg}), but this check cannot confirm that the key was issued by the NCA: the certificate was issued by the certification authority \"{issuer}\", whose public certificate this check does not hold. If your key comes from the NCA, the service provider will check it; otherwise sign with a key issued by the NCA"}},
	"signature/self-signed":       {Error, msg{"Файл {file} подписан самодельным сертификатом ({who}): сертификат подписан своим же ключом, его не выдавал ни НУЦ РК, ни другой удостоверяющий центр. Подпишите ключом ЭЦП, выданным НУЦ РК", "{file} файлына өзі жасаған сертификатпен қол қойылған ({who}): сертификатқа өз кілтімен қол қойылған, оны ҚР ҰКО да, басқа куәландырушы орталық та берген жоқ. ҚР ҰКО берген ЭЦҚ кілтімен қол қойыңыз", "{file} is signed with a self-made certificate ({who}): the certificate is signed by its own key; neither the NCA nor any other certification authority issued it. Sign with a key issued by the NCA"}},
	"signature/test-certificate":  {Error, msg{"Файл {file} подписан тестовым сертификатом ({who}, издатель «{ca}» — тестовый УЦ НУЦ РК): такая подпись недействительна для настоящей подачи. Подпишите действующим ключом ЭЦП, выданным НУЦ РК", "{file} файлына тестілік сертификатпен қол қойылған ({who}, шығарушы «{ca}» — ҚР ҰКО тестілік куәландырушы орталығы): мұндай қолтаңба нақты өтініш үшін жарамсыз. ҚР ҰКО берген жарамды ЭЦҚ кілтімен қол қойыңыз", "{file} is signed with a test certificate ({who}, issued by \"{ca}\", a test CA of the NCA), not valid for a real filing. Sign with a valid key issued by the NCA"}},
	"signature/chain-broken":      {Error, msg{"Цепочка сертификата подписи в файле {file} ({who}) не сходится: подпись удостоверяющего центра не верна или его сертификат не действовал в момент подписания. Подпишите действующим ключом ЭЦП, выданным НУЦ РК", "{file} файлындағы қолтаңба сертификатының тізбегі ({who}) сәйкес келмейді: куәландырушы орталықтың қолтаңбасы дұрыс емес немесе оның сертификаты қол қойылған кезде жарамсыз болған. ҚР ҰКО берген жарамды ЭЦҚ кілтімен қол қойыңыз", "The certificate chain of the signature in {file} ({who}) does not hold: a certification authority's signature does not verify, or its certificate was not valid at the time of signing. Sign with a valid key issued by the NCA"}},
}

// unchecked are the findings that say something could not be checked: with
// no error they make the verdict incomplete ("no errors found, but not
// everything could be checked"), never pass.
var unchecked = map[string]bool{
	"checklist/partial":   true, // the list is only in part in the sources
	"edition/uncertain":   true, // the edition's exact start or end is not in the sources
	"edition/historical":  true, // checked against an edition not in force, as asked
	"fee/amount-unknown":  true, // the act gives no amount to check
	"fee/no-mci":          true, // no MCI for the payment's year
	"edition/overlap":     true, // two editions in force that day: which applies is not known
	"legalisation/treaty": true, // an exemption the acts do not give
	// a signature whose algorithm cannot be confirmed, or whose signer
	// cannot be read, is not verified — never counted as a pass
	"signature/not-verified":   true,
	"signature/no-certificate": true,
	// a signature whose certificate's chain could not be followed to the
	// NCA's bundled roots: valid, but not known to be the NCA's
	"signature/chain-not-checked": true,
}

// argument is a named value for a message's {name}: the same in every
// language, or one per language.
type argument struct {
	name  string
	value string
	per   map[string]string // per language, when the value differs by language
}

// arg is an argument that reads the same in every language.
func arg(name, value string) argument { return argument{name: name, value: value} }

// argL is an argument written per language (a document's name, a reason).
func argL(name string, per map[string]string) argument {
	return argument{name: name, per: per}
}

func (a argument) in(lang string) string {
	if a.per != nil {
		return localized(a.per, lang)
	}
	return a.value
}

// strict makes newFinding panic on a code the catalogue lacks or a
// placeholder with no argument, instead of printing "{name}" to the
// applicant. The package's tests set it.
var strict bool

// newFinding builds the finding code names: its severity from the
// catalogue and its message in every language, each {name} filled with the
// argument of that name.
func newFinding(code string, args ...argument) Finding {
	e, ok := catalogue[code]
	if !ok {
		if strict {
			panic("checker: finding " + code + " is not in the catalogue")
		}
		e = entry{Error, msg{code, code, code}}
	}
	out := make(map[string]string, len(Langs))
	for i, l := range Langs {
		out[l] = fill(e.text[i], func(name string) (string, bool) {
			for _, a := range args {
				if a.name == name {
					return a.in(l), true
				}
			}
			if strict {
				panic("checker: finding " + code + " built without {" + name + "}")
			}
			return "", false
		})
	}
	return Finding{Code: code, Severity: e.sev, Message: out, Unchecked: unchecked[code]}
}

// fill replaces each {name} of a template with its value in one pass, left
// to right: a value is never scanned again, so text from a manifest that
// itself holds "{list}" comes out as written, the same on every run
// (replacing placeholder by placeholder in map order did not).
func fill(tmpl string, value func(name string) (string, bool)) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		j := strings.IndexByte(tmpl[i:], '}')
		if j < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		if v, ok := value(tmpl[i+1 : i+j]); ok {
			b.WriteString(tmpl[:i])
			b.WriteString(v)
		} else {
			b.WriteString(tmpl[:i+j+1])
		}
		tmpl = tmpl[i+j+1:]
	}
}

// localized picks a value of a per-language map in lang, falling back to
// Russian, then English.
func localized(m map[string]string, lang string) string {
	if s := m[lang]; s != "" {
		return s
	}
	if s := m["ru"]; s != "" {
		return s
	}
	return m["en"]
}
