package lint

import (
	"sort"
	"strconv"
	"strings"

	"ruqsat/internal/legalfmt"
	"ruqsat/internal/rules"
)

// message is what a problem code says and how to fix it, in each language.
// {1}, {2}… are replaced by the problem's arguments.
type message struct {
	msg, fix map[rules.Lang]string
}

func tr(ru, kk, en string) map[rules.Lang]string {
	return map[rules.Lang]string{rules.RU: ru, rules.KK: kk, rules.EN: en}
}

// messages covers every code Load and the checks report; a test makes sure
// no code is missing and every entry has all three languages.
var messages = map[string]message{
	"file/extension": {
		tr("файл {1} имеет расширение .yml", "{1} файлының кеңейтімі .yml", "file {1} has the extension .yml"),
		tr("переименуйте его в .yaml", "оны .yaml деп өзгертіңіз", "rename it to .yaml")},
	"file/unknown": {
		tr("файл {1} лежит не на своём месте: непонятно, что в нём", "{1} файлы өз орнында емес: ішінде не бар екені түсініксіз", "file {1} is not where a rule file can be, so its kind is unknown"),
		tr("перенесите его (см. rules/README.md: acts/, services/<услуга>/, tables/)", "оны көшіріңіз (rules/README.md қараңыз: acts/, services/<қызмет>/, tables/)", "move it (see rules/README.md: acts/, services/<service>/, tables/)")},
	"file/missing": {
		tr("нет файла {1}", "{1} файлы жоқ", "{1} is missing"),
		tr("восстановите файл из истории репозитория", "файлды репозиторий тарихынан қалпына келтіріңіз", "restore it from the repository history")},
	"file/no-service": {
		tr("у редакции нет описания услуги: нет файла {2}", "редакцияның қызмет сипаттамасы жоқ: {2} файлы жоқ", "edition of an undescribed service: {2} is missing"),
		tr("создайте {2} (см. schemas/rules/service.schema.json)", "{2} жасаңыз (schemas/rules/service.schema.json қараңыз)", "create {2} (see schemas/rules/service.schema.json)")},
	"file/name-mismatch": {
		tr("{1} в файле — «{2}», а по имени файла должно быть «{3}»", "файлдағы {1} — «{2}», ал файл атауы бойынша «{3}» болуы керек", "{1} is \"{2}\" but the file's place says \"{3}\""),
		tr("исправьте значение или переименуйте файл", "мәнді түзетіңіз немесе файлдың атын өзгертіңіз", "correct the value or rename the file")},
	"yaml/syntax": {
		tr("ошибка синтаксиса YAML в этой строке", "осы жолда YAML синтаксис қатесі бар", "YAML syntax error in this line ({1})"),
		tr("сравните строку с соседними: отступы только пробелами, после ключа двоеточие и пробел, все кавычки и скобки закрыты в той же строке", "жолды көршілес жолдармен салыстырыңыз: шегініс тек бос орынмен, кілттен кейін қос нүкте мен бос орын, барлық тырнақша мен жақша сол жолда жабылған", "compare the line with its neighbours: indent with spaces only, a colon and a space after each key, every quote and bracket closed on the same line")},
	"yaml/empty": {
		tr("файл пуст", "файл бос", "the file is empty"),
		tr("восстановите содержимое файла из истории репозитория или удалите файл", "файлдың мазмұнын репозиторий тарихынан қалпына келтіріңіз немесе файлды жойыңыз", "restore its content from the repository history, or delete the file")},
	"yaml/tab": {
		tr("для отступа использована табуляция", "шегініс үшін табуляция қолданылған", "a tab is used for indentation"),
		tr("делайте отступы только пробелами: YAML не допускает табуляцию (замените её пробелами, выровняв строку по соседним)", "шегіністі тек бос орынмен жасаңыз: YAML табуляцияға жол бермейді (оны бос орындармен ауыстырып, жолды көршілес жолдарға теңестіріңіз)", "indent with spaces only: YAML does not allow tabs (replace the tab with spaces, lining the line up with its neighbours)")},
	"yaml/unclosed-quote": {
		tr("кавычка {1}, открытая здесь, не закрыта в этой строке", "осы жерде ашылған {1} тырнақшасы осы жолда жабылмаған", "the quote {1} opened here is not closed on this line"),
		tr("закройте текст той же кавычкой {1} в конце строки; кавычка внутри текста в двойных кавычках пишется как \\\", в одинарных — удваивается ('')", "мәтінді жолдың соңында сол {1} тырнақшасымен жабыңыз; қос тырнақшадағы мәтіннің ішіндегі тырнақша \\\" деп жазылады, дара тырнақшада екі рет жазылады ('')", "close the text with the same quote {1} at the end of the line; a quote inside the text is written \\\" within double quotes, and doubled ('') within single quotes")},
	"yaml/unclosed-bracket": {
		tr("скобка {1}, открытая здесь, не закрыта в этой строке", "осы жерде ашылған {1} жақшасы осы жолда жабылмаған", "the bracket {1} opened here is not closed on this line"),
		tr("закройте её знаком {2} в той же строке; если скобка — часть текста, возьмите весь текст в двойные кавычки", "оны сол жолда {2} таңбасымен жабыңыз; жақша мәтіннің бөлігі болса, бүкіл мәтінді қос тырнақшаға алыңыз", "close it with {2} on the same line; if the bracket is part of a text, put the whole text in double quotes")},
	"yaml/colon": {
		tr("второе двоеточие с пробелом после него: YAML принимает текст перед ним за новый ключ", "екінші қос нүкте және одан кейін бос орын: YAML оның алдындағы мәтінді жаңа кілт деп оқиды", "a second colon followed by a space: YAML reads the text before it as another key"),
		tr("возьмите всё значение в двойные кавычки, например: {1}", "бүкіл мәнді қос тырнақшаға алыңыз, мысалы: {1}", "put the whole value in double quotes, e.g. {1}")},
	"yaml/after-quote": {
		tr("после закрывающей кавычки идёт текст", "жабатын тырнақшадан кейін мәтін тұр", "text follows the closing quote"),
		tr("поместите весь текст внутрь кавычек; кавычка внутри текста в двойных кавычках пишется как \\\"", "бүкіл мәтінді тырнақшаның ішіне орналастырыңыз; қос тырнақшадағы мәтіннің ішіндегі тырнақша \\\" деп жазылады", "put the whole text inside the quotes; a quote inside a text in double quotes is written \\\"")},
	"yaml/after-bracket": {
		tr("после закрывающей скобки {1} идёт текст", "жабатын {1} жақшасынан кейін мәтін тұр", "text follows the closing bracket {1}"),
		tr("уберите текст после скобки или, если скобки — часть текста, возьмите всё значение в двойные кавычки", "жақшадан кейінгі мәтінді алып тастаңыз немесе, жақшалар мәтіннің бөлігі болса, бүкіл мәнді қос тырнақшаға алыңыз", "remove the text after the bracket or, if the brackets are part of a text, put the whole value in double quotes")},
	"yaml/indent": {
		tr("неверный отступ: строка начинается в столбце {1}, а ключи выше — в столбце {2:or}", "шегініс қате: жол {1}-бағаннан басталады, ал жоғарыдағы кілттер {2:or}-бағаннан басталады", "wrong indentation: the line starts in column {1}, but the keys above start in column {2:or}"),
		tr("выровняйте строку пробелами по ключу, к которому она относится: ключи одного уровня начинаются в одном столбце", "жолды бос орындармен өзі жататын кілтке теңестіріңіз: бір деңгейдегі кілттер бір бағаннан басталады", "line it up, with spaces, with the key it belongs to: keys of one level start in the same column")},
	"yaml/no-colon": {
		tr("ключ без двоеточия: здесь YAML ждёт «ключ: значение»", "қос нүктесіз кілт: мұнда YAML «кілт: мән» күтеді", "a key without a colon: YAML expects \"key: value\" here"),
		tr("поставьте после ключа двоеточие и пробел; если строка продолжает текст выше, допишите её к нему", "кілттен кейін қос нүкте мен бос орын қойыңыз; жол жоғарыдағы мәтіннің жалғасы болса, оны сол мәтінге қосыңыз", "put a colon and a space after the key; if the line continues the text above, join it to that text")},
	"yaml/special": {
		tr("значение начинается со знака {1}, который в YAML имеет особый смысл", "мән {1} таңбасынан басталады, ал YAML-да бұл таңбаның ерекше мағынасы бар", "the value starts with {1}, a sign that has a special meaning in YAML"),
		tr("возьмите всё значение в двойные кавычки, например: {2}", "бүкіл мәнді қос тырнақшаға алыңыз, мысалы: {2}", "put the whole value in double quotes, e.g. {2}")},
	"yaml/escape": {
		tr("в двойных кавычках после обратной косой черты (\\) стоит знак, который YAML не понимает", "қос тырнақшада кері қиғаш сызықтан (\\) кейін YAML түсінбейтін таңба тұр", "in double quotes, a backslash (\\) is followed by a sign YAML does not know"),
		tr("возьмите текст в одинарные кавычки или удвойте обратную косую черту (\\\\)", "мәтінді дара тырнақшаға алыңыз немесе кері қиғаш сызықты екі рет жазыңыз (\\\\)", "put the text in single quotes, or double the backslash (\\\\)")},
	"yaml/dash": {
		tr("элемент списка («- ») в одной строке с ключом", "тізім элементі («- ») кілтпен бір жолда тұр", "a list item (\"- \") on the same line as its key"),
		tr("начните список со следующей строки, с отступом; если дефис — часть текста, возьмите весь текст в двойные кавычки", "тізімді келесі жолдан шегініспен бастаңыз; сызықша мәтіннің бөлігі болса, бүкіл мәтінді қос тырнақшаға алыңыз", "start the list on the next line, indented; if the dash is part of a text, put the whole text in double quotes")},
	"yaml/utf8": {
		tr("файл не в кодировке UTF-8", "файл UTF-8 кодтауында емес", "the file is not valid UTF-8"),
		tr("сохраните файл в UTF-8", "файлды UTF-8 кодтауында сақтаңыз", "save the file as UTF-8")},
	"yaml/many-documents": {
		tr("в файле больше одного документа YAML (---)", "файлда бірнеше YAML құжаты бар (---)", "the file holds more than one YAML document (---)"),
		tr("оставьте один документ", "бір құжат қалдырыңыз", "keep one document per file")},
	"yaml/duplicate-key": {
		tr("ключ «{1}» повторяется: YAML молча оставил бы последнее значение", "«{1}» кілті қайталанады: YAML соңғы мәнді үнсіз қалдырар еді", "key \"{1}\" appears twice; YAML would silently keep the last value"),
		tr("оставьте один ключ и объедините значения", "бір кілтті қалдырып, мәндерді біріктіріңіз", "keep one and merge the values")},
	"yaml/decode": {
		tr("не удалось прочитать данные: {1}", "деректерді оқу мүмкін болмады: {1}", "cannot read the data: {1}"),
		tr("сверьте структуру со схемой", "құрылымды схемамен салыстырыңыз", "compare the structure with the schema")},
	"schema/missing-key": {
		tr("в {2} нет обязательного ключа: {1}", "{2} ішінде міндетті кілт жоқ: {1}", "{2} lacks the required key: {1}"),
		tr("добавьте {1}; если источник его не даёт, напишите {unknown: not-stated} (или cut-off, elsewhere, not-in-act)", "{1} қосыңыз; дереккөзде болмаса, {unknown: not-stated} жазыңыз (немесе cut-off, elsewhere, not-in-act)", "add {1}; if the sources do not give it, write {unknown: not-stated} (or cut-off, elsewhere, not-in-act)")},
	"schema/unknown-key": {
		tr("неизвестный ключ {1} в {2}", "{2} ішінде белгісіз кілт: {1}", "unknown key {1} in {2}"),
		tr("проверьте написание; допустимые ключи описаны в schemas/rules/", "жазылуын тексеріңіз; рұқсат етілген кілттер schemas/rules/ ішінде сипатталған", "check the spelling; the allowed keys are described in schemas/rules/")},
	"schema/type": {
		typeMsg,
		tr("запишите {2:type}, например: {4}", "{2:type} жазыңыз, мысалы: {4}", "write {2:type}, e.g. {4}")},
	"schema/type-number": {
		typeMsg,
		tr("запишите число цифрами, без кавычек и слов, например: {4}", "санды цифрмен, тырнақшасыз және сөзсіз жазыңыз, мысалы: {4}", "write the number in digits, without quotes or words, e.g. {4}")},
	"schema/type-text": {
		typeMsg,
		tr("запишите текст в той же строке, что и ключ; если в нём есть двоеточие или #, или он начинается со скобки, кавычки или другого знака, возьмите его в двойные кавычки, например: {4}",
			"мәтінді кілтпен бір жолға жазыңыз; ішінде қос нүкте не # болса немесе ол жақшадан, тырнақшадан не басқа таңбадан басталса, оны қос тырнақшаға алыңыз, мысалы: {4}",
			"write the text on the same line as the key, in double quotes if it contains a colon or #, or begins with a bracket, a quote or another sign, e.g. {4}")},
	"schema/type-list": {
		typeMsg,
		tr("запишите список: в квадратных скобках, например: {4}, или по одному элементу в строке, и каждая такая строка начинается с «- »",
			"тізім жазыңыз: тік жақшада, мысалы: {4}, немесе әр жолға бір элементтен, әр жол «- » таңбасынан басталады",
			"write a list: in square brackets, e.g. {4}, or one item per line, each line starting with \"- \"")},
	"schema/type-map": {
		typeMsg,
		tr("запишите ключи со значениями, например: {4}", "мәндері бар кілттерді жазыңыз, мысалы: {4}", "write keys with values, e.g. {4}")},
	"schema/type-bool": {
		typeMsg,
		tr("запишите true или false без кавычек, например: {4}", "true не false мәнін тырнақшасыз жазыңыз, мысалы: {4}", "write true or false, without quotes, e.g. {4}")},
	"schema/enum": {
		tr("{1}: значение «{2}» не из списка ({3})", "{1}: «{2}» мәні тізімде жоқ ({3})", "{1}: \"{2}\" is not one of: {3}"),
		tr("выберите значение из списка", "тізімнен мән таңдаңыз", "use one of the listed values")},
	"schema/pattern": {
		tr("{1}: «{2}» записано в неверном виде{3:form}", "{1}: «{2}» дұрыс емес түрде жазылған{3:form}", "{1}: \"{2}\" is not written the right way{3:form}"),
		tr("идентификатор: строчные латинские буквы, цифры и дефисы (sts-license); дата: 2006-01-02; редакция: год в кавычках (\"2023\"); единица акта: p8/sp1", "идентификатор: кіші латын әріптері, цифрлар және дефис (sts-license); күн: 2006-01-02; редакция: тырнақшадағы жыл (\"2023\"); акт бірлігі: p8/sp1", "ids: lower-case letters, digits and hyphens (sts-license); dates: 2006-01-02; editions: a quoted year (\"2023\"); act units: p8/sp1")},
	"schema/too-few": {
		tr("{1}: нужно не меньше {2} элементов", "{1}: кемінде {2} элемент қажет", "{1}: needs at least {2} items"),
		tr("добавьте элементы или замените список пробелом в источниках ({unknown: …})", "элементтер қосыңыз немесе тізімді олқылықпен ауыстырыңыз ({unknown: …})", "add items, or replace the list by a gap ({unknown: …})")},
	"schema/too-many": {
		tr("{1}: допускается не больше {2} элементов", "{1}: {2} элементтен аспауы керек", "{1}: allows at most {2} items"),
		tr("уберите лишние элементы", "артық элементтерді алып тастаңыз", "remove the extra items")},
	"schema/empty": {
		tr("{1}: пустое значение", "{1}: бос мән", "{1}: empty value"),
		tr("впишите текст или уберите ключ", "мәтінді жазыңыз немесе кілтті алып тастаңыз", "write the text or remove the key")},
	"schema/range": {
		tr("{1}: {2} — должно быть {3}", "{1}: {2} — {3} болуы керек", "{1}: {2} must be {3}"),
		tr("исправьте число", "санды түзетіңіз", "correct the number")},
	"schema/duplicate": {
		tr("{1}: элементы {2} и {3} совпадают", "{1}: {2} және {3} элементтері бірдей", "{1}: items {2} and {3} are the same"),
		tr("уберите повтор", "қайталауды алып тастаңыз", "remove the repetition")},
	"schema/not-allowed": {
		tr("{1}: такое сочетание ключей не допускается", "{1}: кілттердің мұндай тіркесіміне жол берілмейді", "{1}: this combination of keys is not allowed"),
		tr("например, при due: false не указывайте mci", "мысалы, due: false болса, mci көрсетпеңіз", "for example, do not give mci when due is false")},
	"schema/ambiguous": {
		tr("{1}: значение подходит под несколько форм сразу", "{1}: мән бірнеше пішінге бірдей сәйкес келеді", "{1}: the value fits more than one form"),
		tr("уточните значение по схеме", "мәнді схема бойынша нақтылаңыз", "make it match exactly one form of the schema")},
	"schema/shape": {
		tr("{1}: значение не подходит ни под одну допустимую форму", "{1}: мән рұқсат етілген пішіндердің ешқайсысына сәйкес келмейді", "{1}: the value fits none of the allowed forms"),
		tr("сверьте с примером в rules/services/sts-license/2023.yaml", "rules/services/sts-license/2023.yaml үлгісімен салыстырыңыз", "compare with the example in rules/services/sts-license/2023.yaml")},
	"schema/invalid": {
		tr("{1}: {2}", "{1}: {2}", "{1}: {2}"),
		tr("сверьте со схемой", "схемамен салыстырыңыз", "compare with the schema")},
	"ref/duplicate-id": {
		tr("идентификатор «{1}» уже занят ({2})", "«{1}» идентификаторы бос емес ({2})", "id \"{1}\" is already used ({2})"),
		tr("дайте другой идентификатор", "басқа идентификатор беріңіз", "choose another id")},
	"ref/duplicate-unit": {
		tr("единица «{1}» повторяется в оглавлении акта", "«{1}» бірлігі акт мазмұнында қайталанады", "unit \"{1}\" appears twice in the act's outline"),
		tr("оставьте одну запись", "бір жазбаны қалдырыңыз", "keep one entry")},
	"status/contradicts": {
		tr("статус «{1}», но по датам акта на {3} он «{2}»", "мәртебесі «{1}», бірақ актінің күндері бойынша {3} күні ол «{2}»", "status is \"{1}\", but by the act's dates it is \"{2}\" on {3}"),
		tr("исправьте дату вступления в силу или утраты силы либо статус: сайт и проверка судят по датам", "күшіне ену немесе күшін жою күнін не мәртебені түзетіңіз: сайт пен тексеру күндерге қарайды", "correct the date of entry into force or of repeal, or the status: the site and the checker go by the dates")},
	"fee/duplicate": {
		tr("у вида заявления «{1}» уже есть сбор с {2}", "«{1}» өтініш түрінің {2} бастап алымы бар", "application kind \"{1}\" already has a fee from {2}"),
		tr("оставьте одну запись на вид заявления и дату", "өтініш түрі мен күнге бір жазба қалдырыңыз", "keep one entry per kind and date")},
	"fee/before-in-force": {
		tr("сбор с {1} установлен актом «{2}», который вводится в действие только {3}", "{1} бастап алымды «{2}» акті белгілейді, ол тек {3} қолданысқа енгізіледі", "the fee from {1} is set by act \"{2}\", which takes effect only on {3}"),
		tr("проверьте дату from или акт в by", "from күнін немесе by ішіндегі актіні тексеріңіз", "check the date in from or the act in by")},
	"fee/cite-other-act": {
		tr("сбор установлен актом «{1}», но ссылки ведут на другие акты", "алымды «{1}» акті белгілейді, бірақ сілтемелер басқа актілерге апарады", "the fee is set by act \"{1}\", but its citations point to other acts"),
		tr("процитируйте место акта «{1}», где указана ставка", "мөлшерлеме көрсетілген «{1}» актісінің орнын келтіріңіз", "cite the place in act \"{1}\" that gives the rate")},
	"ref/unit-name": {
		tr("«{1}» в «{2}» — не известная единица акта (известны: {3})", "«{2}» ішіндегі «{1}» — актінің белгісіз бірлігі (белгілілері: {3})", "\"{1}\" in \"{2}\" is not a known unit of an act (known: {3})"),
		tr("исправьте опечатку или добавьте единицу в units в rules/vocab.yaml с подписями на трёх языках", "қатені түзетіңіз немесе бірлікті rules/vocab.yaml ішіндегі units тізіміне үш тілдегі атауымен қосыңыз", "fix the typo, or add the unit to units in rules/vocab.yaml with its label in three languages")},
	"ref/seed-missing": {
		tr("нет файла источника {1}", "{1} дереккөз файлы жоқ", "source file {1} is missing"),
		tr("проверьте имя файла в seeds", "seeds ішіндегі файл атауын тексеріңіз", "check the file name under seeds")},
	"ref/act": {
		tr("ссылка на неизвестный акт «{1}»", "белгісіз «{1}» актісіне сілтеме", "reference to an unknown act \"{1}\""),
		tr("проверьте идентификатор или создайте rules/acts/{1}.yaml", "идентификаторды тексеріңіз немесе rules/acts/{1}.yaml жасаңыз", "check the id or create rules/acts/{1}.yaml")},
	"ref/not-in-sources": {
		tr("ссылка на акт «{1}», текста которого нет в источниках", "мәтіні дереккөздерде жоқ «{1}» актісіне сілтеме", "citation of act \"{1}\", whose text is not in the sources"),
		tr("цитируйте место акта-источника, где упомянут «{1}»", "«{1}» аталған дереккөз-актінің орнын келтіріңіз", "cite the place in a source act that mentions \"{1}\"")},
	"ref/unit": {
		tr("в оглавлении акта {1} нет единицы «{2}»{3}", "{1} актісінің мазмұнында «{2}» бірлігі жоқ{3}", "act {1} has no unit \"{2}\" in its outline{3}"),
		tr("исправьте at или добавьте единицу в outline файла rules/acts/{1}.yaml со строками", "at мәнін түзетіңіз немесе rules/acts/{1}.yaml файлының outline бөліміне бірлікті жолдарымен қосыңыз", "correct at, or add the unit with its lines to the outline in rules/acts/{1}.yaml")},
	"ref/lines": {
		tr("указанные строки ({1}: {2}) вне {3} ({1}: {4}); в {5} эти строки гласят: «{6}»", "көрсетілген жолдар ({1}: {2}) {3} ({1}: {4}) шегінен тыс; {5} файлында бұл жолдарда былай жазылған: «{6}»", "the cited lines ({1}: {2}) lie outside {3} ({1}: {4}); in {5} they read: \"{6}\""),
		tr("сверьте номера строк с {5} (cat -n {5}): укажите строки внутри {3} или сошлитесь на единицу, в которую входят эти строки", "жол нөмірлерін {5} файлымен салыстырыңыз (cat -n {5}): {3} ішіндегі жолдарды көрсетіңіз немесе осы жолдар тұрған бірлікке сілтеме жасаңыз", "check the line numbers against {5} (cat -n {5}): cite lines inside {3}, or cite the unit these lines belong to")},
	"ref/lines-eof": {
		tr("указанные строки ({1}: {2}) выходят за конец {3}: последняя строка в нём — {4}", "көрсетілген жолдар ({1}: {2}) {3} файлының соңынан асып кетеді: оның соңғы жолы — {4}", "the cited lines ({1}: {2}) run past the end of {3}, whose last line is {4}"),
		tr("сверьте номера строк с {3} (cat -n {3})", "жол нөмірлерін {3} файлымен салыстырыңыз (cat -n {3})", "check the line numbers against {3} (cat -n {3})")},
	"ref/lines-reversed": {
		tr("диапазон строк ({1}: {2}) перевёрнут: первая строка больше последней", "жолдар ауқымы ({1}: {2}) керісінше жазылған: бірінші жол соңғысынан үлкен", "the line range ({1}: {2}) is reversed: the first line is after the last"),
		tr("сначала укажите меньший номер: [{3}, {4}]", "алдымен кіші нөмірді жазыңыз: [{3}, {4}]", "write the smaller number first: [{3}, {4}]")},
	"ref/lines-cross": {
		tr("строки единицы {2} ({1}: {3}) пересекаются со строками {4} ({1}: {5}): единица начинается внутри другой, а кончается после неё", "{2} бірлігінің жолдары ({1}: {3}) {4} жолдарымен ({1}: {5}) қиылысады: бірлік басқасының ішінде басталып, одан кейін аяқталады", "the lines of unit {2} ({1}: {3}) cross those of {4} ({1}: {5}): the unit begins inside the other and ends after it"),
		tr("части акта не пересекаются: исправьте строки так, чтобы одна единица лежала внутри другой или отдельно от неё", "акт бөліктері қиылыспайды: жолдарды бір бірлік екіншісінің ішінде немесе одан бөлек жататындай түзетіңіз", "the parts of an act do not cross: correct the lines so that one unit lies inside the other or apart from it")},
	"ref/lines-lang": {
		tr("строки указаны для языка {2}, а у акта {1} нет источника на этом языке", "жолдар {2} тілі үшін көрсетілген, ал {1} актісінің бұл тілде дереккөзі жоқ", "lines are given for {2}, but act {1} has no source in that language"),
		tr("укажите строки по языкам источников акта: {3}", "актінің дереккөз тілдері бойынша жолдарды көрсетіңіз: {3}", "give lines per language of the act's sources: {3}")},
	"ref/service": {
		tr("ссылка на неизвестную редакцию {1}", "белгісіз {1} редакциясына сілтеме", "reference to an unknown edition {1}"),
		tr("проверьте услугу и год", "қызмет пен жылды тексеріңіз", "check the service and the year")},
	"ref/edition-year": {
		tr("редакция «{1}», а акт {2} от {3}", "редакция «{1}», ал {2} актісі {3} күнгі", "edition \"{1}\" but act {2} is dated {3}"),
		tr("редакция называется годом своего акта", "редакция өз актісінің жылымен аталады", "an edition is named by the year of its act")},
	"ref/vocab": {
		tr("«{2}» нет в словаре {1} (rules/vocab.yaml)", "«{2}» {1} сөздігінде жоқ (rules/vocab.yaml)", "\"{2}\" is not in the {1} list of rules/vocab.yaml"),
		tr("используйте один из: {3}", "мыналардың бірін қолданыңыз: {3}", "use one of: {3}")},
	"ref/kind-channel": {
		tr("вид заявления {1}: канал «{2}» не входит в каналы редакции ({3})", "{1} өтініш түрі: «{2}» арнасы редакцияның арналарында жоқ ({3})", "kind {1}: channel \"{2}\" is not among the edition's channels ({3})"),
		tr("каналы вида заявления — часть каналов редакции: уберите «{2}» или дополните channels редакции", "өтініш түрінің арналары — редакция арналарының бөлігі: «{2}» алып тастаңыз немесе редакцияның channels тізімін толықтырыңыз", "a kind's channels are a subset of the edition's: remove \"{2}\" or complete the edition's channels")},
	"ref/when-channel": {
		tr("вид заявления {1}: условие when требует подачи «{2}», а этот вид подаётся только так: {3}", "{1} өтініш түрі: when шарты «{2}» беру тәсілін талап етеді, ал бұл түр тек былай беріледі: {3}", "kind {1}: when asks for filing \"{2}\", but this kind is filed only: {3}"),
		tr("исправьте условие when или channels вида заявления", "when шартын немесе өтініш түрінің channels тізімін түзетіңіз", "correct the when condition or the kind's channels")},
	"ref/question": {
		tr("условие when использует вопрос «{1}», которого нет в asks этой редакции", "when шарты осы редакцияның asks тізімінде жоқ «{1}» сұрағын қолданады", "when uses question \"{1}\", which this edition's asks does not list"),
		tr("добавьте «{1}» в asks", "asks тізіміне «{1}» қосыңыз", "add \"{1}\" to asks")},
	"ref/answer": {
		tr("у вопроса «{1}» нет ответа «{2}»", "«{1}» сұрағында «{2}» жауабы жоқ", "question \"{1}\" has no answer \"{2}\""),
		tr("допустимые ответы: {3}", "рұқсат етілген жауаптар: {3}", "its answers are: {3}")},
	"ref/form": {
		tr("нет формы «{1}» в forms этой редакции", "осы редакцияның forms бөлімінде «{1}» нысаны жоқ", "no form \"{1}\" among this edition's forms"),
		tr("исправьте form или опишите форму в forms", "form мәнін түзетіңіз немесе нысанды forms бөлімінде сипаттаңыз", "correct form, or describe the form under forms")},
	"ref/followed": {
		tr("followed: «{1}» — такого прочтения нет ({2})", "followed: «{1}» — мұндай оқылым жоқ ({2})", "followed: \"{1}\" is not one of the readings ({2})"),
		tr("назовите ключ одного из прочтений", "оқылымдардың бірінің кілтін көрсетіңіз", "name the key of one of the readings")},
	"ref/file": {
		tr("файла {1} нет", "{1} файлы жоқ", "file {1} does not exist"),
		tr("проверьте путь", "жолды тексеріңіз", "check the path")},
	"ref/portal-url": {
		tr("адрес «{1}» — не https://-адрес, который печатает акт ({2})", "«{1}» мекенжайы актіде жазылған https:// мекенжайы емес ({2})", "address \"{1}\" is not the https:// form of an address the act prints ({2})"),
		tr("напишите url как https:// и адрес из written, без пути и параметров", "url-ды https:// және written ішіндегі мекенжай түрінде, жолсыз және параметрсіз жазыңыз", "write url as https:// and an address from written, with no path or parameters")},
	"unique/id": {
		tr("идентификатор «{1}» повторяется в {2}", "«{1}» идентификаторы {2} ішінде қайталанады", "id \"{1}\" is used twice in {2}"),
		tr("дайте каждому элементу свой идентификатор", "әр элементке жеке идентификатор беріңіз", "give each item its own id")},
	"parity/missing-lang": {
		tr("текст есть на {1}, но нет на {2}", "мәтін {1} тілдерінде бар, бірақ {2} тілінде жоқ", "text has {1} but no {2}"),
		tr("добавьте {2}: перевод — простой строкой (наша формулировка)", "{2} қосыңыз: аударма — қарапайым жол (біздің тұжырым)", "add {2}: a translation is a plain string (this project's wording)")},
	"parity/copied": {
		tr("казахский текст совпадает с русским", "қазақша мәтін орысшамен бірдей", "the Kazakh text is a copy of the Russian"),
		tr("переведите на казахский", "қазақ тіліне аударыңыз", "translate it into Kazakh")},
	"official/not-in-seed": {
		tr("текст на {1} помечен как официальный, но его нет в строках {2}", "{1} тіліндегі мәтін ресми деп белгіленген, бірақ ол {2} жолдарында жоқ", "the {1} text is marked official but is not in {2}"),
		tr("скопируйте формулировку из источника дословно или уберите src: official (тогда это наша формулировка)", "тұжырымды дереккөзден сөзбе-сөз көшіріңіз немесе src: official алып тастаңыз (онда бұл біздің тұжырым)", "copy the wording verbatim from the source, or drop src: official (it is then this project's wording)")},
	"official/no-seed": {
		tr("текст на {1} помечен как официальный, но официального текста акта на этом языке в источниках нет", "{1} тіліндегі мәтін ресми деп белгіленген, бірақ дереккөздерде актінің бұл тілдегі ресми мәтіні жоқ", "the {1} text is marked official, but no official text of the act in that language is in the sources"),
		tr("уберите src: official", "src: official алып тастаңыз", "drop src: official")},
	"hygiene/latin-i": {
		tr("в казахском слове «{1}» латинская i", "«{1}» қазақ сөзінде латынның i әрпі тұр", "the Kazakh word \"{1}\" contains a Latin i"),
		tr("замените на казахскую і (U+0456)", "қазақтың і әрпімен (U+0456) ауыстырыңыз", "replace it with the Kazakh і (U+0456)")},
	"hygiene/mixed-script": {
		tr("в слове «{1}» смешаны латиница и кириллица", "«{1}» сөзінде латын және кирилл әріптері араласқан", "the word \"{1}\" mixes Latin and Cyrillic letters"),
		tr("наберите слово заново одной раскладкой", "сөзді бір пернетақта тілінде қайта теріңіз", "retype the word in one script")},
	"hygiene/letter-spacing": {
		tr("слово набрано вразрядку: «{1}»", "сөз әріп аралатып терілген: «{1}»", "letter-spaced word: \"{1}\""),
		tr("уберите пробелы между буквами", "әріптер арасындағы бос орындарды алып тастаңыз", "remove the spaces between the letters")},
	"hygiene/spaces": {
		tr("лишние пробелы в тексте", "мәтінде артық бос орындар бар", "stray spaces in the text"),
		tr("уберите пробелы в начале и конце и двойные пробелы", "басындағы, соңындағы және қос бос орындарды алып тастаңыз", "remove leading, trailing and double spaces")},
	"term/steps-exceed": {
		tr("шаги вида {1} в сумме дают {2} дн., больше срока {3}", "{1} түріндегі қадамдардың қосындысы {2} күн, бұл {3} мерзімінен көп", "the steps of kind {1} add up to {2} days, more than the term of {3}"),
		tr("проверьте длительности шагов и срок; необязательные шаги пометьте optional: true", "қадамдардың ұзақтығы мен мерзімді тексеріңіз; міндетті емес қадамдарға optional: true белгісін қойыңыз", "check the step durations and the term; mark steps that happen only sometimes optional: true")},
	"date/order": {
		tr("{1} ({2}) раньше, чем {3} ({4})", "{1} ({2}) {3} ({4}) күнінен ерте", "{1} ({2}) is earlier than {3} ({4})"),
		tr("проверьте даты", "күндерді тексеріңіз", "check the dates")},
	"changes/order": {
		tr("запись {1} датирована {2} — позже записи над ней ({3}, {4}), а новые записи идут первыми", "{1} жазбасының күні {2} — одан жоғарыдағы жазбадан ({3}, {4}) кейін, ал жаңа жазбалар бірінші тұрады", "entry {1} is dated {2}, later than the entry above it ({3}, {4}): the newest entries come first"),
		tr("перенесите запись выше, над более старыми, или исправьте дату", "жазбаны ескі жазбалардың үстіне жылжытыңыз немесе күнін түзетіңіз", "move the entry up, above the older ones, or correct its date")},
	"changes/future": {
		tr("запись {1} датирована {2} — позже сегодняшнего дня ({3})", "{1} жазбасының күні {2} — бүгінгі күннен ({3}) кейін", "entry {1} is dated {2}, after today ({3})"),
		tr("укажите дату правки: сегодня или раньше", "түзету күнін жазыңыз: бүгін немесе одан ертерек", "write the date of the edit: today or earlier")},
	"changes/uncommitted": {
		tr("в файле есть изменения, ещё не зафиксированные в репозитории, но ни одна запись rules/changes.yaml с датой {1} или позже его не называет", "файлда репозиторийде әлі тіркелмеген өзгерістер бар, бірақ rules/changes.yaml ішіндегі {1} немесе одан кейінгі күнмен жазылған бірде-бір жазба оны атамайды", "the file has changes not yet committed, and no entry of rules/changes.yaml dated {1} or later names it"),
		tr("добавьте в начало rules/changes.yaml запись о том, что изменилось и почему, с files: [{2}]", "rules/changes.yaml басына не өзгергені және неліктен өзгергені туралы жазбаны files: [{2}] деп қосыңыз", "add an entry at the top of rules/changes.yaml saying what changed and why, with files: [{2}]")},
	"changes/unrecorded": {
		tr("файл изменён {1}, позже последней записи rules/changes.yaml ({2}), и ни одна запись его не называет", "файл {1} күні өзгертілген, бұл rules/changes.yaml соңғы жазбасынан ({2}) кейін, және оны бірде-бір жазба атамайды", "the file was changed on {1}, after the newest entry of rules/changes.yaml ({2}), and no entry names it"),
		tr("добавьте в начало rules/changes.yaml запись о том, что изменилось и почему, с files: [{3}]", "rules/changes.yaml басына не өзгергені және неліктен өзгергені туралы жазбаны files: [{3}] деп қосыңыз", "add an entry at the top of rules/changes.yaml saying what changed and why, with files: [{3}]")},
	"number/not-in-seed": {
		tr("{1}: {2} — этого числа нет ни цифрами, ни словами в цитируемых строках ({3}): «{4}»", "{1}: {2} — бұл сан келтірілген жолдарда ({3}) цифрмен де, сөзбен де жазылмаған: «{4}»", "{1}: {2} appears neither in digits nor in words in the cited lines ({3}): \"{4}\""),
		tr("сверьте число с источником: исправьте его или укажите строки, где оно написано", "санды дереккөзбен салыстырыңыз: оны түзетіңіз немесе ол жазылған жолдарды көрсетіңіз", "check the number against the source: correct it, or cite the lines that state it")},
	"date/invalid": {
		tr("даты {1} не бывает", "{1} деген күн болмайды", "{1} is not a real date"),
		tr("запишите существующую дату в виде ГГГГ-ММ-ДД: месяц от 01 до 12, день, который есть в этом месяце, год от 1900 до 2100", "бар күнді ЖЖЖЖ-АА-КК түрінде жазыңыз: ай 01-ден 12-ге дейін, сол айда бар күн, жыл 1900-ден 2100-ге дейін", "write a date that exists, as YYYY-MM-DD: a month from 01 to 12, a day that month has, a year from 1900 to 2100")},
}

// Severity names a problem's severity in a report line, or "" for an error:
// errors are the usual case and their lines stay as they always were.
func Severity(sev rules.Severity, l rules.Lang) string {
	if sev == rules.Warning {
		return tr("предупреждение", "ескерту", "warning")[l]
	}
	return ""
}

// Problems says how many problems there are: "3 problems".
func Problems(n int, l rules.Lang) string {
	return legalfmt.Count(n, l, [3]string{"проблема", "проблемы", "проблем"}, "мәселе", "problem")
}

// Summary is the closing line of lint's report: how many files were read
// and how many problems were found. Warnings alone do not fail lint, and
// the line says so, since a warning looks alarming to someone new to it.
func Summary(files, errors, warnings int, l rules.Lang) string {
	f := legalfmt.Count(files, l, [3]string{"файл", "файла", "файлов"}, "файл", "file")
	if warnings == 0 {
		return f + ", " + Problems(errors, l)
	}
	line := f + ", " + legalfmt.Count(errors, l, [3]string{"ошибка", "ошибки", "ошибок"}, "қате", "error") +
		", " + legalfmt.Count(warnings, l, [3]string{"предупреждение", "предупреждения", "предупреждений"}, "ескерту", "warning")
	if errors == 0 {
		line += tr(" — предупреждения не мешают пройти проверку", " — ескертулер тексеруден өтуге кедергі келтірмейді", " — warnings do not fail lint")[l]
	}
	return line
}

// typeMsg says what type a value should have and what it has, for every
// schema/type code; the codes differ in their advice.
var typeMsg = tr("{1}: нужно записать {2:type}, а не {3:type}", "{1}: мұнда {3:type} емес, {2:type} жазылуы керек", "{1}: expected {2:type}, found {3:type}")

// typeNames are the JSON types of a schema in words, as {N:type} renders
// them: an argument "string|object" reads "text or keys with values".
var typeNames = map[string]map[rules.Lang]string{
	"string":  tr("текст", "мәтін", "text"),
	"integer": tr("целое число", "бүтін сан", "a whole number"),
	"number":  tr("число", "сан", "a number"),
	"boolean": tr("true или false", "true не false", "true or false"),
	"array":   tr("список", "тізім", "a list"),
	"object":  tr("ключи со значениями (ключ: значение)", "мәндері бар кілттер (кілт: мән)", "keys with values (key: value)"),
	"null":    tr("пустое значение", "бос мән", "an empty value"),
}

var orWord = tr("или", "немесе", "or")

// typeWords renders "integer|number" as the types in words, joined by "or".
func typeWords(arg string, l rules.Lang) string {
	parts := strings.Split(arg, "|")
	if len(parts) == 2 && ((parts[0] == "integer" && parts[1] == "number") || (parts[0] == "number" && parts[1] == "integer")) {
		parts = []string{"number"}
	}
	words := make([]string, len(parts))
	for i, p := range parts {
		if w, ok := typeNames[p]; ok {
			words[i] = w[l]
		} else {
			words[i] = p
		}
	}
	return orList(words, l)
}

// orList joins "a", "b", "c" as "a, b or c" in l.
func orList(words []string, l rules.Lang) string {
	if len(words) == 1 {
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " " + orWord[l] + " " + words[len(words)-1]
}

// forms say what a value matching a pattern looks like, by the shared
// definition the pattern comes from; {N:form} renders them.
var forms = map[string]map[rules.Lang]string{
	"id":      tr(" (нужен идентификатор: строчные латинские буквы, цифры и дефисы, например sts-license)", " (идентификатор керек: кіші латын әріптері, цифрлар және дефис, мысалы sts-license)", " (an id is lower-case letters, digits and hyphens, e.g. sts-license)"),
	"date":    tr(" (нужна дата в виде 2006-01-02)", " (2006-01-02 түріндегі күн керек)", " (a date is written 2006-01-02)"),
	"edition": tr(" (нужен год редакции в кавычках, например \"2023\")", " (тырнақшадағы редакция жылы керек, мысалы \"2023\")", " (an edition is a quoted year, e.g. \"2023\")"),
	"at":      tr(" (нужна единица акта, например app1/p8/sp1)", " (акт бірлігі керек, мысалы app1/p8/sp1)", " (an act unit is written like app1/p8/sp1)"),
}

// render fills a template with a problem's arguments: {1} is the first
// argument as is, {1:type} the first argument read as JSON types in words,
// {1:form} the form a pattern's definition asks for.
func render(tmpl string, args []string, l rules.Lang) string {
	for i, a := range args {
		n := strconv.Itoa(i + 1)
		tmpl = strings.ReplaceAll(tmpl, "{"+n+":type}", typeWords(a, l))
		tmpl = strings.ReplaceAll(tmpl, "{"+n+":form}", forms[a][l])
		tmpl = strings.ReplaceAll(tmpl, "{"+n+":or}", orList(strings.Split(a, "|"), l))
		tmpl = strings.ReplaceAll(tmpl, "{"+n+"}", a)
	}
	return tmpl
}

// Message returns what p says and how to fix it, in lang.
func Message(p rules.Problem, lang rules.Lang) (what, fix string) {
	m, ok := messages[p.Code]
	if !ok {
		return p.Code + " " + strings.Join(p.Args, " "), ""
	}
	return render(m.msg[lang], p.Args, lang), render(m.fix[lang], p.Args, lang)
}

var explainedType = map[string]string{
	"schema/type-number": "number", "schema/type-text": "string", "schema/type-list": "array",
	"schema/type-map": "object", "schema/type-bool": "boolean",
}

// Codes lists every problem code, sorted.
func Codes() []string {
	out := make([]string, 0, len(messages))
	for c := range messages {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// Explain returns what a problem code means and how to fix it, in lang,
// with its arguments shown as … ; ok is false for an unknown code.
func Explain(code string, lang rules.Lang) (what, fix string, ok bool) {
	m, ok := messages[code]
	if !ok {
		return "", "", false
	}
	dots := []string{"…", "…", "…", "…", "…", "…"}
	if t, ok := explainedType[code]; ok {
		dots[1] = t // the type these codes expect is known without a problem
	}
	return render(m.msg[lang], dots, lang), render(m.fix[lang], dots, lang), true
}
