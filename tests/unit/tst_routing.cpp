#include "routing.h"

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

class TestRouting : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void route_data();
    void route();
    void userMailbox();
    void loopGoesToFailedMail();
    void normalise_data();
    void normalise();
};

void TestRouting::route_data()
{
    QTest::addColumn<Headers>("headers");
    QTest::addColumn<QStringList>("to");
    QTest::addColumn<QStringList>("cc");
    QTest::addColumn<QString>("undeliverable");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QStringList>("recipients");

    const QString pm = QStringLiteral("postmaster@office.lan");
    const int deliver = int(RoutingDecision::Kind::Deliver);
    const int undeliverable = int(RoutingDecision::Kind::Undeliverable);
    const int failed = int(RoutingDecision::Kind::Failed);

    QTest::newRow("exact rule from To")
        << Headers {} << QStringList {QStringLiteral("info@office.example")} << QStringList {} << pm
        << deliver << QStringList {QStringLiteral("alice@office.lan")};
    QTest::newRow("domain rule keeps order")
        << Headers {} << QStringList {QStringLiteral("x@shop.example")} << QStringList {} << pm
        << deliver << QStringList {QStringLiteral("orders@office.lan")};
    QTest::newRow("keep local part")
        << Headers {} << QStringList {QStringLiteral("Bob.Smith@Office.Example")} << QStringList {}
        << pm << deliver << QStringList {QStringLiteral("Bob.Smith@office.lan")};
    QTest::newRow("first matching rule wins")
        << Headers {} << QStringList {QStringLiteral("INFO@office.example")} << QStringList {} << pm
        << deliver << QStringList {QStringLiteral("alice@office.lan")};
    QTest::newRow("to and cc, each once")
        << Headers {}
        << QStringList {QStringLiteral("a@shop.example"), QStringLiteral("carol@office.example")}
        << QStringList {QStringLiteral("b@shop.example")} << pm << deliver
        << QStringList {QStringLiteral("orders@office.lan"), QStringLiteral("carol@office.lan")};
    QTest::newRow("co-recipient elsewhere ignored")
        << Headers {}
        << QStringList {QStringLiteral("someone@partner.example"),
               QStringLiteral("dave@office.example")}
        << QStringList {} << pm << deliver << QStringList {QStringLiteral("dave@office.lan")};
    QTest::newRow("envelope header beats To")
        << Headers {{QStringLiteral("x-original-to"), QStringLiteral("erin@office.example")}}
        << QStringList {QStringLiteral("list@lists.example")}
        << QStringList {QStringLiteral("dave@office.example")} << pm << deliver
        << QStringList {QStringLiteral("erin@office.lan")};
    QTest::newRow("envelope header order")
        << Headers {{QStringLiteral("x-original-to"), QStringLiteral("second@office.example")},
               {QStringLiteral("delivered-to"), QStringLiteral("first@office.example")}}
        << QStringList {} << QStringList {} << pm << deliver
        << QStringList {QStringLiteral("first@office.lan")};
    QTest::newRow("envelope outside domains falls back")
        << Headers {{QStringLiteral("delivered-to"), QStringLiteral("catchall@isp.example")}}
        << QStringList {QStringLiteral("frank@office.example")} << QStringList {} << pm << deliver
        << QStringList {QStringLiteral("frank@office.lan")};
    QTest::newRow("bcc via envelope only")
        << Headers {{QStringLiteral("envelope-to"), QStringLiteral("grace@office.example")}}
        << QStringList {QStringLiteral("other@partner.example")} << QStringList {} << pm << deliver
        << QStringList {QStringLiteral("grace@office.lan")};
    QTest::newRow("nothing accepted: undeliverable")
        << Headers {} << QStringList {QStringLiteral("list@lists.example")} << QStringList {} << pm
        << undeliverable << QStringList {pm};
    QTest::newRow("no recipients at all") << Headers {} << QStringList {} << QStringList {} << pm
                                          << undeliverable << QStringList {pm};
    QTest::newRow("no undeliverable mailbox: failed")
        << Headers {} << QStringList {QStringLiteral("list@lists.example")} << QStringList {}
        << QString() << failed << QStringList {};
    QTest::newRow("garbage address")
        << Headers {}
        << QStringList {QStringLiteral("not an address"), QStringLiteral("@office.example")}
        << QStringList {} << pm << undeliverable << QStringList {pm};
}

void TestRouting::route()
{
    QFETCH(Headers, headers);
    QFETCH(QStringList, to);
    QFETCH(QStringList, cc);
    QFETCH(QString, undeliverable);
    QFETCH(int, kind);
    QFETCH(QStringList, recipients);
    RoutingInput input;
    input.headerAddresses = headers;
    input.to = to;
    input.cc = cc;
    const RoutingDecision d = Router::route(input, globalMailbox(), undeliverable);
    QCOMPARE(int(d.kind), kind);
    QCOMPARE(d.recipients, recipients);
    if (d.kind != RoutingDecision::Kind::Deliver)
        QVERIFY(!d.reason.isEmpty());
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
    QCOMPARE(d.recipients, QStringList {QStringLiteral("Sales@office.lan")});

    m.localMailbox.clear();
    const RoutingDecision none = Router::route(input, m, QStringLiteral("postmaster@office.lan"));
    QCOMPARE(int(none.kind), int(RoutingDecision::Kind::Undeliverable));
    QVERIFY(none.reason.contains(QStringLiteral("local_mailbox")));
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

void TestRouting::normalise_data()
{
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("out");
    QTest::newRow("plain") << QStringLiteral("a@b.example") << QStringLiteral("a@b.example");
    QTest::newRow("angle") << QStringLiteral("Alice <Alice@B.Example>")
                           << QStringLiteral("Alice@b.example");
    QTest::newRow("spaces") << QStringLiteral("  <x@y.example>  ") << QStringLiteral("x@y.example");
    QTest::newRow("no at") << QStringLiteral("nobody") << QString();
    QTest::newRow("empty local") << QStringLiteral("@y.example") << QString();
    QTest::newRow("empty domain") << QStringLiteral("x@") << QString();
}

void TestRouting::normalise()
{
    QFETCH(QString, in);
    QFETCH(QString, out);
    QCOMPARE(Router::normalise(in), out);
}

QTEST_GUILESS_MAIN(TestRouting)
#include "tst_routing.moc"
