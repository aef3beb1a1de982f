// What the local server's replies mean for each recipient and for its PickUp file: the pure
// functions of DeliveryPolicy, in tables.
#include "pipeline/dispatch/deliverypolicy.h"
#include "pipeline/dispatch/dispatchreport.h"

#include <QTest>

using namespace Pop3Connector;
using namespace Pop3Connector::DeliveryPolicy;

namespace {

const qint64 kNow = 1'700'000'000;

// "250 2.0.0 ok" as a reply; "" is no reply at all (the session ended first).
SmtpReply reply(const QString &text)
{
    if (text.isEmpty())
        return {};
    return SmtpReply {text.left(3).toInt(), {text.mid(4).toUtf8()}};
}

QList<SmtpReply> replies(const QStringList &texts)
{
    QList<SmtpReply> out;
    for (const QString &t : texts)
        out.append(reply(t));
    return out;
}

// One letter per outcome: D delivered, F deferred, R rejected, N next transaction.
QString letters(const QList<RecipientVerdict> &verdicts)
{
    QString out;
    for (const RecipientVerdict &v : verdicts)
        out += QStringLiteral("DFRN").at(int(v.outcome));
    return out;
}

// "D alice@office.lan 250 ok": an answer of this run.
QList<RecipientAnswer> answers(const QStringList &rows)
{
    QList<RecipientAnswer> out;
    for (const QString &row : rows) {
        const QString letter = row.section(u' ', 0, 0);
        const auto outcome = RecipientOutcome(QStringLiteral("DFRN").indexOf(letter));
        out.append({row.section(u' ', 1, 1), reply(row.section(u' ', 2)), outcome});
    }
    return out;
}

// A list written in a table: literals and QStrings alike.
QStringList list(std::initializer_list<QAnyStringView> items)
{
    QStringList out;
    for (QAnyStringView item : items)
        out.append(item.toString());
    return out;
}

MailAddress address(const QString &text)
{
    return MailAddress::parse(text).value();
}

QList<MailAddress> addresses(const QStringList &texts)
{
    QList<MailAddress> out;
    for (const QString &t : texts)
        out.append(address(t));
    return out;
}

// A sidecar with `attempts` (none when negative) and a first deferral `ago` seconds before
// kNow (none when 0).
MessageMetadata sidecar(int attempts, qint64 ago)
{
    MessageMetadata meta;
    meta.mailbox = QStringLiteral("office");
    if (attempts >= 0)
        meta.other.insert(Key::attempts, QString::number(attempts));
    if (ago > 0)
        meta.other.insert(Key::firstDeferred, QString::number(kNow - ago));
    return meta;
}

} // namespace

class TestDeliveryPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void backoff_data();
    void backoff();
    void due_data();
    void due();
    void dealOut_data();
    void dealOut();
    void unreachable_data();
    void unreachable();
    void admission_data();
    void admission();
    void sendsBody_data();
    void sendsBody();
    void classifyTransaction_data();
    void classifyTransaction();
    void recipientsToDo_data();
    void recipientsToDo();
    void file_data();
    void file();
    void badMailRefused_data();
    void badMailRefused();
    void badMailSidecar_data();
    void badMailSidecar();
    void reportAdd_data();
    void reportAdd();
};

void TestDeliveryPolicy::backoff_data()
{
    QTest::addColumn<int>("attempts");
    QTest::addColumn<qint64>("seconds");
    QTest::newRow("first deferral: 1 minute") << 1 << qint64(60);
    QTest::newRow("second: 2") << 2 << qint64(120);
    QTest::newRow("third: 4") << 3 << qint64(240);
    QTest::newRow("fourth: 8") << 4 << qint64(480);
    QTest::newRow("fifth: 16") << 5 << qint64(960);
    QTest::newRow("sixth: 30, not 32") << 6 << qint64(1800);
    QTest::newRow("seventh: 30") << 7 << qint64(1800);
    QTest::newRow("twentieth: 30") << 20 << qint64(1800);
    QTest::newRow("no overflow") << 100000 << qint64(1800);
    QTest::newRow("none yet: 1 minute") << 0 << qint64(60);
}

void TestDeliveryPolicy::backoff()
{
    QFETCH(int, attempts);
    QFETCH(qint64, seconds);
    QCOMPARE(backoffSeconds(attempts), seconds);
}

void TestDeliveryPolicy::due_data()
{
    QTest::addColumn<bool>("hasSidecar");
    QTest::addColumn<QString>("nextAttempt"); // empty: the key is absent
    QTest::addColumn<bool>("due");
    QTest::newRow("no sidecar") << false << QString() << true;
    QTest::newRow("never deferred") << true << QString() << true;
    QTest::newRow("due now") << true << QString::number(kNow) << true;
    QTest::newRow("due since") << true << QString::number(kNow - 600) << true;
    QTest::newRow("a second early") << true << QString::number(kNow + 1) << false;
    QTest::newRow("backing off") << true << QString::number(kNow + 1800) << false;
    QTest::newRow("garbage reads as due") << true << QStringLiteral("soon") << true;
}

void TestDeliveryPolicy::due()
{
    QFETCH(bool, hasSidecar);
    QFETCH(QString, nextAttempt);
    QFETCH(bool, due);
    std::optional<MessageMetadata> meta;
    if (hasSidecar) {
        meta = MessageMetadata {};
        if (!nextAttempt.isEmpty())
            meta->other.insert(Key::nextAttempt, nextAttempt);
    }
    QCOMPARE(isDue(meta, kNow), due);
}

void TestDeliveryPolicy::dealOut_data()
{
    QTest::addColumn<int>("files");
    QTest::addColumn<int>("connections");
    QTest::addColumn<QList<int>>("shares"); // their sizes
    QTest::newRow("empty PickUp: one session") << 0 << 4 << QList<int> {0};
    QTest::newRow("one file") << 1 << 4 << QList<int> {1};
    QTest::newRow("50 files: one session") << 50 << 4 << QList<int> {50};
    QTest::newRow("51 files: two") << 51 << 4 << QList<int> {26, 25};
    QTest::newRow("150 files: three") << 150 << 4 << QList<int> {50, 50, 50};
    QTest::newRow("1000 files: the four connections")
        << 1000 << 4 << QList<int> {250, 250, 250, 250};
    QTest::newRow("one connection") << 120 << 1 << QList<int> {120};
    QTest::newRow("no connection set: one") << 120 << 0 << QList<int> {120};
}

void TestDeliveryPolicy::dealOut()
{
    QFETCH(int, files);
    QFETCH(int, connections);
    QFETCH(QList<int>, shares);
    QStringList names;
    for (int i = 0; i < files; ++i)
        names.append(QStringLiteral("m%1").arg(i, 4, 10, QLatin1Char('0')));
    const QList<QStringList> dealt = DeliveryPolicy::dealOut(names, connections);
    QList<int> sizes;
    for (const QStringList &share : dealt)
        sizes.append(int(share.size()));
    QCOMPARE(sizes, shares);
    // Round robin: every file in exactly one share, in PickUp's order within it.
    for (int i = 0; i < files; ++i)
        QCOMPARE(dealt[i % dealt.size()][i / dealt.size()], names[i]);
}

void TestDeliveryPolicy::unreachable_data()
{
    QTest::addColumn<SessionError>("error");
    QTest::addColumn<bool>("unreachable");
    QTest::newRow("refused") << SessionError::ConnectionRefused << true;
    QTest::newRow("host not found") << SessionError::HostNotFound << true;
    QTest::newRow("network") << SessionError::Network << true;
    QTest::newRow("timeout") << SessionError::Timeout << true;
    QTest::newRow("dropped") << SessionError::Dropped << false;
    QTest::newRow("certificate") << SessionError::TlsCertificate << false;
    QTest::newRow("handshake") << SessionError::TlsHandshake << false;
    QTest::newRow("protocol") << SessionError::ProtocolViolation << false;
    QTest::newRow("limit") << SessionError::LimitExceeded << false;
}

void TestDeliveryPolicy::unreachable()
{
    QFETCH(SessionError, error);
    QFETCH(bool, unreachable);
    QCOMPARE(isUnreachable(error), unreachable);
}

void TestDeliveryPolicy::admission_data()
{
    QTest::addColumn<QString>("sender");
    QTest::addColumn<QStringList>("recipients");
    QTest::addColumn<qint64>("size");
    QTest::addColumn<QStringList>("ehlo"); // the extension lines
    QTest::addColumn<int>("refusal"); // Admission::Refusal
    QTest::addColumn<QByteArray>("parameters");
    const QStringList ascii = {QStringLiteral("alice@office.lan")};
    const QString bob = QStringLiteral("bob@origin.example");
    using R = Admission::Refusal;
    QTest::newRow("no extensions")
        << bob << ascii << qint64(500) << QStringList() << int(R::None) << QByteArray();
    QTest::newRow("SIZE without a limit")
        << bob << ascii << qint64(500) << QStringList {QStringLiteral("SIZE")} << int(R::None)
        << QByteArray(" SIZE=500");
    QTest::newRow("at the SIZE limit")
        << bob << ascii << qint64(1000) << QStringList {QStringLiteral("SIZE 1000")} << int(R::None)
        << QByteArray(" SIZE=1000");
    QTest::newRow("a byte over the SIZE limit")
        << bob << ascii << qint64(1001) << QStringList {QStringLiteral("SIZE 1000")}
        << int(R::TooLarge) << QByteArray();
    QTest::newRow("8BITMIME") << bob << ascii << qint64(500)
                              << QStringList {QStringLiteral("8BITMIME")} << int(R::None)
                              << QByteArray(" BODY=8BITMIME");
    QTest::newRow("non-ASCII recipient, no SMTPUTF8")
        << bob << QStringList {QStringLiteral("jörg@office.lan")} << qint64(500) << QStringList()
        << int(R::NeedsSmtpUtf8) << QByteArray();
    QTest::newRow("non-ASCII sender, SMTPUTF8")
        << QStringLiteral("jörg@origin.example") << ascii << qint64(500)
        << QStringList {QStringLiteral("SMTPUTF8")} << int(R::None) << QByteArray(" SMTPUTF8");
    QTest::newRow("null sender") << QString() << ascii << qint64(500) << QStringList()
                                 << int(R::None) << QByteArray();
    QTest::newRow("everything") << bob << QStringList {QStringLiteral("jörg@office.lan")}
                                << qint64(10)
                                << QStringList {QStringLiteral("SIZE 1000"),
                                       QStringLiteral("8BITMIME"), QStringLiteral("SMTPUTF8")}
                                << int(R::None) << QByteArray(" SIZE=10 BODY=8BITMIME SMTPUTF8");
    QTest::newRow("SMTPUTF8 is asked for before SIZE")
        << bob << QStringList {QStringLiteral("jörg@office.lan")} << qint64(2000)
        << QStringList {QStringLiteral("SIZE 1000")} << int(R::NeedsSmtpUtf8) << QByteArray();
}

void TestDeliveryPolicy::admission()
{
    QFETCH(QString, sender);
    QFETCH(QStringList, recipients);
    QFETCH(qint64, size);
    QFETCH(QStringList, ehlo);
    QFETCH(int, refusal);
    QFETCH(QByteArray, parameters);
    SmtpReply hello {250, {"mail.office.lan"}};
    for (const QString &line : ehlo)
        hello.lines.append(line.toUtf8());
    const Admission a = admit(sender.isEmpty() ? MailAddress::nullPath() : address(sender),
        addresses(recipients), size, parseEhloReply(hello));
    QCOMPARE(int(a.refusal), refusal);
    QCOMPARE(a.isAdmitted(), refusal == int(Admission::Refusal::None));
    QCOMPARE(a.mailParameters, parameters);
}

void TestDeliveryPolicy::sendsBody_data()
{
    QTest::addColumn<QStringList>("rcpt");
    QTest::addColumn<QString>("data");
    QTest::addColumn<int>("accepted");
    QTest::addColumn<bool>("body");
    QTest::newRow("all accepted") << list({"250 ok", "251 forwarded"}) << "354 go" << 2 << true;
    QTest::newRow("one accepted") << list({"550 no", "250 ok"}) << "354 go" << 1 << true;
    QTest::newRow("none accepted, 354 all the same") << list({"550 no"}) << "354 go" << 0 << false;
    QTest::newRow("DATA refused") << list({"250 ok"}) << "554 no" << 1 << false;
    QTest::newRow("DATA deferred") << list({"250 ok"}) << "451 later" << 1 << false;
    QTest::newRow("DATA unanswered") << list({"250 ok"}) << "" << 1 << false;
}

void TestDeliveryPolicy::sendsBody()
{
    QFETCH(QStringList, rcpt);
    QFETCH(QString, data);
    QFETCH(int, accepted);
    QFETCH(bool, body);
    TransactionReplies r;
    r.mail = reply(QStringLiteral("250 ok"));
    r.rcpt = replies(rcpt);
    r.data = reply(data);
    QCOMPARE(acceptedCount(r.rcpt), accepted);
    QCOMPARE(DeliveryPolicy::sendsBody(r), body);
}

void TestDeliveryPolicy::classifyTransaction_data()
{
    QTest::addColumn<Transport>("transport");
    QTest::addColumn<QString>("mail");
    QTest::addColumn<QStringList>("rcpt");
    QTest::addColumn<QString>("data");
    QTest::addColumn<QStringList>("endOfData");
    QTest::addColumn<QString>(
        "outcomes"); // D delivered, F deferred, R rejected, N next transaction
    QTest::addColumn<QList<int>>("codes"); // of the reply that decided each

    const QString ok = QStringLiteral("250 ok");
    const QString go = QStringLiteral("354 go");
    const auto smtp = Transport::Smtp;
    const auto lmtp = Transport::Lmtp;
    QTest::newRow("2xx: delivered") << smtp << ok << QStringList {ok, ok} << go
                                    << list({"250 queued"}) << "DD" << QList<int> {250, 250};
    QTest::newRow("251 is 2xx too") << smtp << ok << list({"251 forwarded"}) << go
                                    << list({"250 queued"}) << "D" << QList<int> {250};
    QTest::newRow("4xx at the end of data: all deferred")
        << smtp << ok << QStringList {ok, ok} << go << list({"451 disk full"}) << "FF"
        << QList<int> {451, 451};
    QTest::newRow("5xx at the end of data: all rejected")
        << smtp << ok << QStringList {ok, ok} << go << list({"554 spam"}) << "RR"
        << QList<int> {554, 554};
    QTest::newRow("end of data unanswered: deferred")
        << smtp << ok << QStringList {ok} << go << list({""}) << "F" << QList<int> {0};
    QTest::newRow("RCPT 550: that one rejected")
        << smtp << ok << list({ok, "550 5.1.1 no such user", ok}) << go << list({"250 queued"})
        << "DRD" << QList<int> {250, 550, 250};
    QTest::newRow("RCPT 450: that one deferred")
        << smtp << ok << list({ok, "450 busy"}) << go << list({"250 queued"}) << "DF"
        << QList<int> {250, 450};
    QTest::newRow("RCPT 452 first: deferral, not a count")
        << smtp << ok << list({"452 4.2.2 mailbox full", ok}) << go << list({"250 queued"}) << "FD"
        << QList<int> {452, 250};
    QTest::newRow("RCPT 452 later: the next transaction")
        << smtp << ok << list({ok, "452 4.5.3 too many", "452 4.5.3 too many"}) << go
        << list({"250 queued"}) << "DNN" << QList<int> {250, 452, 452};
    QTest::newRow("RCPT 552 first: deferral, not BadMail")
        << smtp << ok << list({"552 5.5.3 too many"}) << "554 no valid recipients" << QStringList()
        << "F" << QList<int> {552};
    QTest::newRow("RCPT 552 later: the next transaction")
        << smtp << ok << list({ok, "552 5.5.3 too many"}) << go << list({"250 queued"}) << "DN"
        << QList<int> {250, 552};
    QTest::newRow("RCPT 553 later: rejected, no count")
        << smtp << ok << list({ok, "553 bad address"}) << go << list({"250 queued"}) << "DR"
        << QList<int> {250, 553};
    QTest::newRow("RCPT unanswered: deferred")
        << smtp << ok << QStringList {ok} << go << list({"250 queued"}) << "DF"
        << QList<int> {250, 0};
    QTest::newRow("MAIL 5xx: every recipient rejected with it")
        << smtp << "550 sender refused" << list({"503 need MAIL", "503 need MAIL"})
        << "503 need RCPT" << QStringList() << "RR" << QList<int> {550, 550};
    QTest::newRow("MAIL 4xx: every recipient deferred with it")
        << smtp << "451 try later" << list({"503 need MAIL"}) << "503 need RCPT" << QStringList()
        << "F" << QList<int> {451};
    QTest::newRow("MAIL 452 is no recipient count")
        << smtp << "452 no room" << list({"503 x", "503 x"}) << "503 x" << QStringList() << "FF"
        << QList<int> {452, 452};
    QTest::newRow("MAIL 552 is no recipient count")
        << smtp << "552 too big" << list({"503 x", "503 x"}) << "503 x" << QStringList() << "RR"
        << QList<int> {552, 552};
    QTest::newRow("MAIL unanswered: deferred")
        << smtp << "" << QStringList() << "" << QStringList() << "F" << QList<int> {0};
    QTest::newRow("DATA 5xx: the accepted rejected with it")
        << smtp << ok << list({ok, "550 no such user", ok}) << "554 no" << QStringList() << "RRR"
        << QList<int> {554, 550, 554};
    QTest::newRow("DATA 4xx: the accepted deferred with it")
        << smtp << ok << QStringList {ok, ok} << "451 later" << QStringList() << "FF"
        << QList<int> {451, 451};
    QTest::newRow("DATA 354 with nobody accepted") << smtp << ok << list({"550 no such user"}) << go
                                                   << QStringList() << "R" << QList<int> {550};
    QTest::newRow("LMTP: a reply per accepted recipient")
        << lmtp << ok << list({ok, "550 no such user", ok, ok}) << go
        << list({"250 saved", "452 4.2.2 mailbox full", "552 5.2.2 over quota"}) << "DRFR"
        << QList<int> {250, 550, 452, 552};
    QTest::newRow("LMTP: a reply missing is a deferral")
        << lmtp << ok << QStringList {ok, ok} << go << list({"250 saved"}) << "DF"
        << QList<int> {250, 0};
    QTest::newRow("LMTP: too many recipients")
        << lmtp << ok << list({ok, ok, "452 4.5.3 too many"}) << go
        << list({"250 saved", "250 saved"}) << "DDN" << QList<int> {250, 250, 452};
    QTest::newRow("SMTP: one reply for every accepted recipient")
        << smtp << ok << QStringList {ok, ok, ok} << go << list({"250 queued"}) << "DDD"
        << QList<int> {250, 250, 250};
}

void TestDeliveryPolicy::classifyTransaction()
{
    QFETCH(Transport, transport);
    QFETCH(QString, mail);
    QFETCH(QStringList, rcpt);
    QFETCH(QString, data);
    QFETCH(QStringList, endOfData);
    QFETCH(QString, outcomes);
    QFETCH(QList<int>, codes);
    TransactionReplies r;
    r.mail = reply(mail);
    r.rcpt = replies(rcpt);
    r.data = reply(data);
    r.endOfData = replies(endOfData);
    const QList<RecipientVerdict> verdicts =
        DeliveryPolicy::classifyTransaction(r, outcomes.size(), transport);
    QCOMPARE(letters(verdicts), outcomes);
    QList<int> decided;
    for (const RecipientVerdict &v : verdicts)
        decided.append(v.reply.code);
    QCOMPARE(decided, codes);
}

void TestDeliveryPolicy::recipientsToDo_data()
{
    QTest::addColumn<QStringList>("envelope");
    QTest::addColumn<QStringList>("deliveredBefore"); // the sidecar's delivered_to
    QTest::addColumn<QStringList>("toDo"); // left for this transaction
    QTest::addColumn<QStringList>("delivered"); // by this transaction
    QTest::addColumn<QStringList>("toDoAfter"); // left for the next one
    const QString a = QStringLiteral("a@office.lan");
    const QString b = QStringLiteral("b@office.lan");
    const QString c = QStringLiteral("c@office.lan");
    QTest::newRow("first transaction")
        << QStringList {a, b, c} << QStringList() << QStringList {a, b, c} << QStringList {a}
        << QStringList {b, c};
    QTest::newRow("second transaction") << QStringList {a, b, c} << QStringList {a}
                                        << QStringList {b, c} << QStringList {c} << QStringList {b};
    QTest::newRow("the last transaction") << QStringList {a, b} << QStringList {a}
                                          << QStringList {b} << QStringList {b} << QStringList();
    QTest::newRow("a name the envelope does not hold")
        << QStringList {a, b} << QStringList {c} << QStringList {a, b} << QStringList {a}
        << QStringList {b};
}

void TestDeliveryPolicy::recipientsToDo()
{
    QFETCH(QStringList, envelope);
    QFETCH(QStringList, deliveredBefore);
    QFETCH(QStringList, toDo);
    QFETCH(QStringList, delivered);
    QFETCH(QStringList, toDoAfter);
    MessageMetadata meta;
    if (!deliveredBefore.isEmpty())
        meta.other.insert(Key::deliveredTo, deliveredBefore.join(u'\n'));
    QCOMPARE(DeliveryPolicy::recipientsToDo(addresses(envelope), meta), addresses(toDo));
    meta = withDeliveredTo(meta, delivered);
    QCOMPARE(meta.other.value(Key::deliveredTo), (deliveredBefore + delivered).join(u'\n'));
    QCOMPARE(DeliveryPolicy::recipientsToDo(addresses(envelope), meta), addresses(toDoAfter));
}

// A file's run, from its recipients' answers to what happens to it, when BadMail takes what it
// is given.
void TestDeliveryPolicy::file_data()
{
    QTest::addColumn<QStringList>("answers"); // "D|F|R address reply"
    QTest::addColumn<QStringList>("untried");
    QTest::addColumn<QStringList>("envelope");
    QTest::addColumn<int>("attempts"); // in the sidecar before; -1 none
    QTest::addColumn<qint64>("deferredAgo"); // the first deferral, seconds before now; 0 none
    QTest::addColumn<QStringList>("expired"); // to BadMail, given up
    QTest::addColumn<QStringList>("rejected"); // to BadMail
    QTest::addColumn<QStringList>("kept"); // in PickUp after; empty: removed
    QTest::addColumn<QString>("change"); // "sidecar", "rewrite", or "" when removed
    QTest::addColumn<QString>("attemptsAfter"); // "" when the key is absent
    QTest::addColumn<qint64>("retryIn"); // seconds from now; -1: no next_attempt
    QTest::addColumn<bool>("delivered"); // counted as a delivered message

    const QString a = QStringLiteral("a@office.lan");
    const QString b = QStringLiteral("b@office.lan");
    const QString c = QStringLiteral("c@office.lan");
    const QString deliveredA = QStringLiteral("D a@office.lan 250 ok");
    const QString deferredB = QStringLiteral("F b@office.lan 450 busy");
    const qint64 day = 24 * 3600;
    QTest::newRow("all delivered: removed")
        << QStringList {deliveredA, QStringLiteral("D b@office.lan 250 ok")} << QStringList()
        << QStringList {a, b} << -1 << qint64(0) << QStringList() << QStringList() << QStringList()
        << QString() << QString() << qint64(-1) << true;
    QTest::newRow("one rejected: BadMail for it, removed")
        << QStringList {deliveredA, QStringLiteral("R b@office.lan 550 no such user")}
        << QStringList() << QStringList {a, b} << -1 << qint64(0) << QStringList()
        << QStringList {b} << QStringList() << QString() << QString() << qint64(-1) << false;
    QTest::newRow("first deferral: 1 minute, only b kept")
        << QStringList {deliveredA, deferredB} << QStringList() << QStringList {a, b} << -1
        << qint64(0) << QStringList() << QStringList() << QStringList {b} << "rewrite"
        << "1" << qint64(60) << false;
    QTest::newRow("all deferred: the sidecar alone changes")
        << QStringList {deferredB} << QStringList() << QStringList {b} << -1 << qint64(0)
        << QStringList() << QStringList() << QStringList {b} << "sidecar"
        << "1" << qint64(60) << false;
    QTest::newRow("third deferral: 4 minutes")
        << QStringList {deferredB} << QStringList() << QStringList {b} << 2 << qint64(300)
        << QStringList() << QStringList() << QStringList {b} << "sidecar"
        << "3" << qint64(240) << false;
    QTest::newRow("sixth deferral: 30 minutes")
        << QStringList {deferredB} << QStringList() << QStringList {b} << 5 << qint64(3600)
        << QStringList() << QStringList() << QStringList {b} << "sidecar"
        << "6" << qint64(1800) << false;
    QTest::newRow("two days to the second: still deferred")
        << QStringList {deferredB} << QStringList() << QStringList {b} << 100 << 2 * day
        << QStringList() << QStringList() << QStringList {b} << "sidecar"
        << "101" << qint64(1800) << false;
    QTest::newRow("two days and a second: given up")
        << QStringList {deferredB} << QStringList() << QStringList {b} << 100 << 2 * day + 1
        << QStringList {b} << QStringList() << QStringList() << QString() << "100" << qint64(-1)
        << false;
    QTest::newRow("given up, others not tried yet")
        << QStringList {deferredB} << QStringList {c} << QStringList {b, c} << 100 << 3 * day
        << QStringList {b} << QStringList() << QStringList {c} << "rewrite"
        << "100" << qint64(-1) << false;
    QTest::newRow("never deferred before: no give-up, however old")
        << QStringList {deferredB} << QStringList() << QStringList {b} << -1 << qint64(0)
        << QStringList() << QStringList() << QStringList {b} << "sidecar"
        << "1" << qint64(60) << false;
    QTest::newRow("stopped between transactions: the untried stay as they were")
        << QStringList {deliveredA} << QStringList {b, c} << QStringList {a, b, c} << -1
        << qint64(0) << QStringList() << QStringList() << QStringList {b, c} << "rewrite"
        << QString() << qint64(-1) << false;
    QTest::newRow("stopped before the first transaction")
        << QStringList() << QStringList {a, b} << QStringList {a, b} << -1 << qint64(0)
        << QStringList() << QStringList() << QStringList {a, b} << "sidecar" << QString()
        << qint64(-1) << false;
    QTest::newRow("rejected, deferred and untried")
        << QStringList {QStringLiteral("R a@office.lan 550 no"), deferredB} << QStringList {c}
        << QStringList {a, b, c} << -1 << qint64(0) << QStringList() << QStringList {a}
        << QStringList {b, c} << "rewrite"
        << "1" << qint64(60) << false;
}

void TestDeliveryPolicy::file()
{
    QFETCH(QStringList, answers);
    QFETCH(QStringList, untried);
    QFETCH(QStringList, envelope);
    QFETCH(int, attempts);
    QFETCH(qint64, deferredAgo);
    QFETCH(QStringList, expired);
    QFETCH(QStringList, rejected);
    QFETCH(QStringList, kept);
    QFETCH(QString, change);
    QFETCH(QString, attemptsAfter);
    QFETCH(qint64, retryIn);
    QFETCH(bool, delivered);
    MessageMetadata meta = sidecar(attempts, deferredAgo);
    meta.other.insert(Key::deliveredTo, QStringLiteral("z@office.lan"));
    const Settlement s = settle(::answers(answers), untried, meta, kNow);
    QCOMPARE(s.expired.addresses, expired);
    QCOMPARE(s.rejected.addresses, rejected);
    QCOMPARE(s.isDone(), delivered);
    const std::optional<Keeping> k = keeping(s, envelope, meta, kNow);
    QCOMPARE(k.has_value(), !kept.isEmpty());
    if (!k)
        return;
    QCOMPARE(k->recipients, kept);
    QCOMPARE(k->change == Keeping::Change::Rewrite ? QStringLiteral("rewrite")
                                                   : QStringLiteral("sidecar"),
        change);
    QCOMPARE(k->meta.mailbox, QStringLiteral("office"));
    QCOMPARE(k->meta.other.value(Key::recipients), kept.join(QStringLiteral(", ")));
    QCOMPARE(k->meta.other.value(Key::attempts), attemptsAfter);
    QCOMPARE(k->meta.other.contains(Key::nextAttempt), retryIn >= 0);
    if (retryIn >= 0) {
        QCOMPARE(k->meta.other.value(Key::nextAttempt).toLongLong(), kNow + retryIn);
        QCOMPARE(k->attempts, attemptsAfter.toInt());
        // The first deferral stays the first: the give-up counts from it.
        QCOMPARE(k->meta.other.value(Key::firstDeferred).toLongLong(),
            deferredAgo > 0 ? kNow - deferredAgo : kNow);
        QCOMPARE(k->meta.other.value(Key::reason), s.deferred.replies.join(QStringLiteral("; ")));
        QVERIFY(
            k->meta.other.value(Key::reason).contains(QStringLiteral("b@office.lan: 450 busy")));
    }
    // A rewritten file names only those left; what an earlier transaction delivered is history.
    QCOMPARE(k->meta.other.contains(Key::deliveredTo), change == u"sidecar");
}

// Nothing is dropped because BadMail could not take it: those recipients stay, deferred.
void TestDeliveryPolicy::badMailRefused_data()
{
    QTest::addColumn<QStringList>("answers");
    QTest::addColumn<qint64>("deferredAgo");
    QTest::addColumn<bool>("refuseExpired");
    QTest::addColumn<bool>("refuseRejected");
    QTest::addColumn<QStringList>("kept");
    QTest::addColumn<QString>("reason");
    const qint64 old = 3 * 24 * 3600;
    const QStringList mixed = {QStringLiteral("D a@office.lan 250 ok"),
        QStringLiteral("F b@office.lan 450 busy"), QStringLiteral("R c@office.lan 550 no")};
    QTest::newRow("the rejected refused")
        << mixed << qint64(0) << false << true << list({"b@office.lan", "c@office.lan"})
        << "b@office.lan: 450 busy; c@office.lan: 550 no";
    QTest::newRow("the expired refused")
        << mixed << old << true << false << list({"b@office.lan"}) << "b@office.lan: 450 busy";
    QTest::newRow("both refused") << mixed << old << true << true
                                  << list({"b@office.lan", "c@office.lan"})
                                  << "b@office.lan: 450 busy; c@office.lan: 550 no";
    QTest::newRow("both taken") << mixed << old << false << false << QStringList() << QString();
}

void TestDeliveryPolicy::badMailRefused()
{
    QFETCH(QStringList, answers);
    QFETCH(qint64, deferredAgo);
    QFETCH(bool, refuseExpired);
    QFETCH(bool, refuseRejected);
    QFETCH(QStringList, kept);
    QFETCH(QString, reason);
    const MessageMetadata meta = sidecar(4, deferredAgo);
    Settlement s = settle(::answers(answers), {}, meta, kNow);
    if (refuseExpired)
        s.keepExpired();
    if (refuseRejected)
        s.keepRejected();
    QVERIFY(!s.isDone());
    const std::optional<Keeping> k = keeping(s,
        {QStringLiteral("a@office.lan"), QStringLiteral("b@office.lan"),
            QStringLiteral("c@office.lan")},
        meta, kNow);
    QCOMPARE(k ? k->recipients : QStringList(), kept);
    if (!k)
        return;
    QCOMPARE(k->meta.other.value(Key::reason), reason);
    QCOMPARE(k->attempts, 5);
    QCOMPARE(k->meta.other.value(Key::nextAttempt).toLongLong(), kNow + backoffSeconds(5));
}

void TestDeliveryPolicy::badMailSidecar_data()
{
    QTest::addColumn<QStringList>("recipients");
    QTest::addColumn<QString>("recipientsValue");
    QTest::newRow("a copy for some")
        << list({"a@office.lan", "b@office.lan"}) << "a@office.lan, b@office.lan";
    QTest::newRow("the file as it is") << QStringList() << QString();
}

void TestDeliveryPolicy::badMailSidecar()
{
    QFETCH(QStringList, recipients);
    QFETCH(QString, recipientsValue);
    MessageMetadata meta = sidecar(3, 600);
    meta.other.insert(Key::nextAttempt, QString::number(kNow + 60));
    meta.other.insert(Key::deliveredTo, QStringLiteral("z@office.lan"));
    const QDateTime at = QDateTime::fromSecsSinceEpoch(kNow, Qt::UTC).addMSecs(250);
    const MessageMetadata bad =
        DeliveryPolicy::badMailSidecar(meta, recipients, QStringLiteral("550 no"), at);
    QCOMPARE(bad.mailbox, meta.mailbox);
    QCOMPARE(bad.other.value(Key::reason), QStringLiteral("550 no"));
    QCOMPARE(bad.other.value(Key::recipients), recipientsValue);
    QCOMPARE(bad.other.value(Key::failed), QStringLiteral("2023-11-14T22:13:20.250Z"));
    QCOMPARE(bad.other.value(Key::attempts), QStringLiteral("3"));
    QVERIFY(!bad.other.contains(Key::nextAttempt));
    QVERIFY(!bad.other.contains(Key::deliveredTo));
}

void TestDeliveryPolicy::reportAdd_data()
{
    QTest::addColumn<QString>("firstFailure");
    QTest::addColumn<QString>("secondFailure");
    QTest::addColumn<QString>("failure");
    QTest::addColumn<int>("failureId");
    const int unreachable = int(EventId::LocalServerUnreachable);
    const int failed = int(EventId::LocalServerSessionFailed);
    const int finished = int(EventId::DispatchFinished);
    QTest::newRow("no failure") << QString() << QString() << QString() << finished;
    QTest::newRow("the second failed") << QString() << "dropped"
                                       << "dropped" << failed;
    QTest::newRow("the first failure is kept") << "refused"
                                               << "dropped"
                                               << "refused" << unreachable;
    QTest::newRow("the first alone failed") << "refused" << QString() << "refused" << unreachable;
}

void TestDeliveryPolicy::reportAdd()
{
    QFETCH(QString, firstFailure);
    QFETCH(QString, secondFailure);
    QFETCH(QString, failure);
    QFETCH(int, failureId);
    DispatchReport first {1, 2, 3, 4, EventId::DispatchFinished, firstFailure};
    if (!firstFailure.isEmpty())
        first.failureId = EventId::LocalServerUnreachable;
    DispatchReport second {10, 20, 30, 40, EventId::DispatchFinished, secondFailure};
    if (!secondFailure.isEmpty())
        second.failureId = EventId::LocalServerSessionFailed;
    first.add(second);
    QCOMPARE(first.delivered, 11);
    QCOMPARE(first.deferred, 22);
    QCOMPARE(first.rejected, 33);
    QCOMPARE(first.waiting, 44);
    QCOMPARE(first.failure, failure);
    QCOMPARE(int(first.failureId), failureId);
}

QTEST_GUILESS_MAIN(TestDeliveryPolicy)
#include "tst_deliverypolicy.moc"
