#include "pipeline/transfer/routing.h"

#include <QTest>

using namespace Pop3Connector;

namespace {

MailboxSettings globalMailbox()
{
    MailboxSettings m;
    m.name = QStringLiteral("catchall");
    m.type = MailboxType::Global;
    m.acceptedDomains = {QStringLiteral("office.example"), QStringLiteral("shop.example")};
    m.rules = {{QStringLiteral("info@office.example"), QStringLiteral("alice@office.lan")},
        {QStringLiteral("*@shop.example"), QStringLiteral("orders@office.lan")},
        {QStringLiteral("*@office.example"), QStringLiteral("*@office.lan")}};
    return m;
}

using Headers = QList<std::pair<QString, QString>>;

} // namespace

QStringList texts(const QList<MailAddress> &addresses)
{
    QStringList out;
    for (const MailAddress &a : addresses)
        out.append(a.toString());
    return out;
}

class TestRouting : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void route_data();
    void route();
    void userMailbox();
    void loopGoesToFailedMail();
    void apply_data();
    void apply();
    void envelopeSender_data();
    void envelopeSender();
};

void TestRouting::route_data()
{
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<QStringList>("to");
    QTest::addColumn<QStringList>("cc");
    QTest::addColumn<QString>("undeliverable");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QStringList>("recipients");
    // Recipients of ours that reach nobody, as the event shows them.
    QTest::addColumn<QStringList>("unrouted");

    const QString pm = QStringLiteral("postmaster@office.lan");
    const int deliver = int(RoutingDecision::Kind::Deliver);
    const int undeliverable = int(RoutingDecision::Kind::Undeliverable);
    const int failed = int(RoutingDecision::Kind::Failed);
    const QStringList none;

    QTest::newRow("exact rule from To")
        << Headers {} << QStringList {QStringLiteral("info@office.example")} << none << pm
        << deliver << QStringList {QStringLiteral("alice@office.lan")} << none;
    QTest::newRow("domain rule keeps order")
        << Headers {} << QStringList {QStringLiteral("x@shop.example")} << none << pm << deliver
        << QStringList {QStringLiteral("orders@office.lan")} << none;
    QTest::newRow("keep local part")
        << Headers {} << QStringList {QStringLiteral("Bob.Smith@Office.Example")} << none << pm
        << deliver << QStringList {QStringLiteral("Bob.Smith@office.lan")} << none;
    QTest::newRow("first matching rule wins")
        << Headers {} << QStringList {QStringLiteral("INFO@office.example")} << none << pm
        << deliver << QStringList {QStringLiteral("alice@office.lan")} << none;
    QTest::newRow("to and cc, each once")
        << Headers {}
        << QStringList {QStringLiteral("a@shop.example"), QStringLiteral("carol@office.example")}
        << QStringList {QStringLiteral("b@shop.example")} << pm << deliver
        << QStringList {QStringLiteral("orders@office.lan"), QStringLiteral("carol@office.lan")}
        << none;
    QTest::newRow("co-recipient elsewhere ignored")
        << Headers {}
        << QStringList {QStringLiteral("someone@partner.example"),
               QStringLiteral("dave@office.example")}
        << none << pm << deliver << QStringList {QStringLiteral("dave@office.lan")} << none;
    QTest::newRow("envelope header beats To")
        << Headers {{QStringLiteral("x-original-to"), QStringLiteral("erin@office.example")}}
        << QStringList {QStringLiteral("list@lists.example")}
        << QStringList {QStringLiteral("dave@office.example")} << pm << deliver
        << QStringList {QStringLiteral("erin@office.lan")} << none;
    QTest::newRow("envelope header order")
        << Headers {{QStringLiteral("x-original-to"), QStringLiteral("second@office.example")},
               {QStringLiteral("delivered-to"), QStringLiteral("first@office.example")}}
        << none << none << pm << deliver << QStringList {QStringLiteral("first@office.lan")}
        << none;
    QTest::newRow("envelope outside domains falls back")
        << Headers {{QStringLiteral("delivered-to"), QStringLiteral("catchall@isp.example")}}
        << QStringList {QStringLiteral("frank@office.example")} << none << pm << deliver
        << QStringList {QStringLiteral("frank@office.lan")} << none;
    QTest::newRow("bcc via envelope only")
        << Headers {{QStringLiteral("envelope-to"), QStringLiteral("grace@office.example")}}
        << QStringList {QStringLiteral("other@partner.example")} << none << pm << deliver
        << QStringList {QStringLiteral("grace@office.lan")} << none;
    QTest::newRow("quotes that are not needed go")
        << Headers {} << QStringList {QStringLiteral("\"heidi\"@office.example")} << none << pm
        << deliver << QStringList {QStringLiteral("heidi@office.lan")} << none;
    QTest::newRow("a quoted local part is kept")
        << Headers {} << QStringList {QStringLiteral("\"john smith\"@office.example")} << none << pm
        << deliver << QStringList {QStringLiteral("\"john smith\"@office.lan")} << none;
    QTest::newRow("international domain")
        << Headers {} << QStringList {QStringLiteral("x@xn--bcher-kva.example")} << none << pm
        << deliver << QStringList {QStringLiteral("books@office.lan")} << none;
    QTest::newRow("nothing accepted: undeliverable")
        << Headers {} << QStringList {QStringLiteral("list@lists.example")} << none << pm
        << undeliverable << QStringList {pm} << none;
    QTest::newRow("no recipients at all")
        << Headers {} << none << none << pm << undeliverable << QStringList {pm} << none;
    QTest::newRow("no undeliverable mailbox: failed")
        << Headers {} << QStringList {QStringLiteral("list@lists.example")} << none << QString()
        << failed << none << none;
    QTest::newRow("undeliverable mailbox not an address: failed")
        << Headers {} << QStringList {QStringLiteral("list@lists.example")} << none
        << QStringLiteral("post master@office.lan") << failed << none << none;
    QTest::newRow("garbage address")
        << Headers {}
        << QStringList {QStringLiteral("not an address"), QStringLiteral("@office.example")} << none
        << pm << undeliverable << QStringList {pm} << none;

    // Issue 11: text that is not an address never reaches an envelope.
    QTest::newRow("folded quoted local part in an envelope header")
        << Headers {{QStringLiteral("delivered-to"),
               QStringLiteral("\"q\r\n x-receiver: attacker@evil.example\r\n x-receiver: "
                              "z\"@office.example")}}
        << QStringList {QStringLiteral("someone@partner.example")} << none << pm << undeliverable
        << QStringList {pm} << none;
    QTest::newRow("folded quoted local part, no undeliverable mailbox")
        << Headers {{QStringLiteral("delivered-to"),
               QStringLiteral("\"q\r\n x-receiver: attacker@evil.example\"@office.example")}}
        << none << none << QString() << failed << none << none;
    QTest::newRow("angle bracket and tab")
        << Headers {} << QStringList {QStringLiteral("\"a>\tRCPT TO:<x\"@office.example")} << none
        << pm << undeliverable << QStringList {pm} << none;
    QTest::newRow("invalid co-recipient beside a valid one")
        << Headers {}
        << QStringList {QStringLiteral("dave@office.example"),
               QStringLiteral("\"e\r\n x\"@office.example")}
        << none << pm << deliver << QStringList {QStringLiteral("dave@office.lan"), pm}
        << QStringList {QStringLiteral("\"e\\r\\n x\"@office.example")};
    QTest::newRow("invalid address of another domain ignored")
        << Headers {}
        << QStringList {QStringLiteral("dave@office.example"),
               QStringLiteral("\"e\r\n x\"@partner.example")}
        << none << pm << deliver << QStringList {QStringLiteral("dave@office.lan")} << none;
    QTest::newRow("envelope header with a line break, To is not asked")
        << Headers {{QStringLiteral("x-original-to"), QStringLiteral("evil\r\n@office.example")}}
        << QStringList {QStringLiteral("dave@office.example")} << none << pm << undeliverable
        << QStringList {pm} << none;
    QTest::newRow("rule target too long for the local part")
        << Headers {} << QStringList {QString(60, u'k') + QStringLiteral("@long.example")} << none
        << pm << undeliverable << QStringList {pm} << none;
}

void TestRouting::route()
{
    QFETCH(Headers, headers);
    QFETCH(QStringList, to);
    QFETCH(QStringList, cc);
    QFETCH(QString, undeliverable);
    QFETCH(int, kind);
    QFETCH(QStringList, recipients);
    QFETCH(QStringList, unrouted);
    RoutingInput input;
    input.headerAddresses = headers;
    input.to = to;
    input.cc = cc;
    MailboxSettings mailbox = globalMailbox();
    mailbox.acceptedDomains += {QStringLiteral("Bücher.example"), QStringLiteral("long.example")};
    mailbox.rules += {{QStringLiteral("*@bücher.example"), QStringLiteral("books@office.lan")},
        {QStringLiteral("*@long.example"),
            QStringLiteral("*@") + QString(190, u'd') + QStringLiteral(".example")}};
    const RoutingDecision d = Router::route(input, mailbox, undeliverable);
    QCOMPARE(int(d.kind), kind);
    QCOMPARE(texts(d.recipients), recipients);
    QCOMPARE(d.unrouted, unrouted);
    if (d.kind != RoutingDecision::Kind::Deliver)
        QVERIFY(!d.reason.isEmpty());
    // What the administrator reads never holds a raw line break or tab.
    for (const QString &text :
        {d.reason.english(), d.unroutedReason.english(), d.unrouted.join(u' ')}) {
        QVERIFY2(!text.contains(u'\r') && !text.contains(u'\n') && !text.contains(u'\t'),
            qPrintable(text));
    }
}

void TestRouting::userMailbox()
{
    MailboxSettings m;
    m.name = QStringLiteral("sales");
    m.type = MailboxType::User;
    m.localMailbox = QStringLiteral("Sales@Office.LAN");
    RoutingInput input;
    input.to = {QStringLiteral("anyone@anywhere.example")};
    const RoutingDecision d = Router::route(input, m, {});
    QCOMPARE(int(d.kind), int(RoutingDecision::Kind::Deliver));
    QCOMPARE(texts(d.recipients), QStringList {QStringLiteral("Sales@office.lan")});

    m.localMailbox.clear();
    const RoutingDecision none = Router::route(input, m, QStringLiteral("postmaster@office.lan"));
    QCOMPARE(int(none.kind), int(RoutingDecision::Kind::Undeliverable));
    QVERIFY(none.reason.english().contains(QStringLiteral("local_mailbox")));

    m.localMailbox = QStringLiteral("sales@office..lan");
    const RoutingDecision bad = Router::route(input, m, QStringLiteral("postmaster@office.lan"));
    QCOMPARE(int(bad.kind), int(RoutingDecision::Kind::Undeliverable));
    QVERIFY(bad.reason.english().contains(QStringLiteral("not a valid address")));
}

void TestRouting::loopGoesToFailedMail()
{
    RoutingInput input;
    input.to = {QStringLiteral("info@office.example")};
    input.traceCount = Router::kLoopLimit - 1;
    QCOMPARE(
        int(Router::route(input, globalMailbox(), {}).kind), int(RoutingDecision::Kind::Deliver));
    input.traceCount = Router::kLoopLimit;
    const RoutingDecision d =
        Router::route(input, globalMailbox(), QStringLiteral("postmaster@office.lan"));
    QCOMPARE(int(d.kind), int(RoutingDecision::Kind::Failed));
    QCOMPARE(d.eventId, EventId::MailLoop);
}

void TestRouting::apply_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("address");
    // "-" no match, "!" a match that gives no address, else the address it gives.
    QTest::addColumn<QString>("result");
    QTest::newRow("exact") << QStringLiteral("info@office.example")
                           << QStringLiteral("alice@office.lan")
                           << QStringLiteral("info@office.example")
                           << QStringLiteral("alice@office.lan");
    QTest::newRow("exact, other case")
        << QStringLiteral("Info@Office.Example") << QStringLiteral("alice@office.lan")
        << QStringLiteral("INFO@office.example") << QStringLiteral("alice@office.lan");
    QTest::newRow("exact, other address")
        << QStringLiteral("info@office.example") << QStringLiteral("alice@office.lan")
        << QStringLiteral("sales@office.example") << QStringLiteral("-");
    QTest::newRow("domain") << QStringLiteral("*@office.example") << QStringLiteral("*@office.lan")
                            << QStringLiteral("Bob@office.example")
                            << QStringLiteral("Bob@office.lan");
    QTest::newRow("domain keeps a quoted local part")
        << QStringLiteral("*@office.example") << QStringLiteral("*@office.lan")
        << QStringLiteral("\"a b\"@office.example") << QStringLiteral("\"a b\"@office.lan");
    QTest::newRow("domain, subdomain is not the domain")
        << QStringLiteral("*@office.example") << QStringLiteral("*@office.lan")
        << QStringLiteral("bob@x.office.example") << QStringLiteral("-");
    QTest::newRow("target not an address")
        << QStringLiteral("*@office.example") << QStringLiteral("alice at office")
        << QStringLiteral("bob@office.example") << QStringLiteral("!");
    QTest::newRow("target domain not a domain")
        << QStringLiteral("*@office.example") << QStringLiteral("*@office lan")
        << QStringLiteral("bob@office.example") << QStringLiteral("!");
    QTest::newRow("pattern not an address")
        << QStringLiteral("info@@office.example") << QStringLiteral("alice@office.lan")
        << QStringLiteral("info@office.example") << QStringLiteral("-");
}

void TestRouting::apply()
{
    QFETCH(QString, pattern);
    QFETCH(QString, target);
    QFETCH(QString, address);
    QFETCH(QString, result);
    const Result<MailAddress> a = MailAddress::parse(address);
    QVERIFY(a);
    const std::optional<Result<MailAddress>> got = Router::apply({pattern, target}, *a);
    if (result == u"-") {
        QVERIFY(!got);
        return;
    }
    QVERIFY(got);
    if (result == u"!") {
        QVERIFY(!*got);
        QVERIFY(!got->error().message.isEmpty());
        return;
    }
    QVERIFY(*got);
    QCOMPARE(got->value().toString(), result);
}

void TestRouting::envelopeSender_data()
{
    // Return-Path's addr-spec ("-" when the header is absent), From's, the undeliverable-mail
    // mailbox; the reverse-path given to the local server, and whether that is worth an event.
    QTest::addColumn<QString>("returnPath");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("undeliverable");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("replaced");
    const QString pm = QStringLiteral("postmaster@office.lan");
    const QString bad = QStringLiteral("\"x\r\n RCPT TO:<attacker@evil.example>\"@evil.example");
    QTest::newRow("return-path") << QStringLiteral("bounces@list.example")
                                 << QStringLiteral("alice@origin.example") << pm
                                 << QStringLiteral("<bounces@list.example>") << false;
    QTest::newRow("no return-path: from")
        << QStringLiteral("-") << QStringLiteral("alice@origin.example") << pm
        << QStringLiteral("<alice@origin.example>") << false;
    QTest::newRow("null return-path stays null")
        << QString() << QStringLiteral("MAILER-DAEMON@isp.example") << pm << QStringLiteral("<>")
        << false;
    QTest::newRow("bad return-path: from") << bad << QStringLiteral("alice@origin.example") << pm
                                           << QStringLiteral("<alice@origin.example>") << true;
    QTest::newRow("bad return-path and from: undeliverable mailbox")
        << bad << bad << pm << QStringLiteral("<postmaster@office.lan>") << true;
    QTest::newRow("no sender at all: undeliverable mailbox")
        << QStringLiteral("-") << QString() << pm << QStringLiteral("<postmaster@office.lan>")
        << true;
    QTest::newRow("nobody to name, no undeliverable mailbox: null")
        << QStringLiteral("-") << bad << QString() << QStringLiteral("<>") << true;
    QTest::newRow("canonical form") << QStringLiteral("\"bob\"@Origin.Example") << QString() << pm
                                    << QStringLiteral("<bob@origin.example>") << false;
}

void TestRouting::envelopeSender()
{
    QFETCH(QString, returnPath);
    QFETCH(QString, from);
    QFETCH(QString, undeliverable);
    QFETCH(QString, path);
    QFETCH(bool, replaced);
    const std::optional<QString> rp =
        returnPath == u"-" ? std::nullopt : std::optional<QString>(returnPath);
    const SenderDecision d = Router::envelopeSender(rp, from, undeliverable);
    QCOMPARE(QString::fromUtf8(d.sender.toPath()), path);
    QCOMPARE(!d.replaced.isEmpty(), replaced);
    QVERIFY(!d.replaced.contains(u'\r') && !d.replaced.contains(u'\n'));
}

QTEST_GUILESS_MAIN(TestRouting)
#include "tst_routing.moc"
