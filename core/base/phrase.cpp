#include "base/phrase.h"

#include <QCborArray>
#include <QCoreApplication>
#include <QRegularExpression>

namespace Pop3Connector {

namespace {

const QString kContext = QStringLiteral("context");
const QString kSource = QStringLiteral("source");
const QString kCount = QStringLiteral("n");
const QString kArgs = QStringLiteral("args");

} // namespace

Phrase::Phrase(const char *context, const char *source, int n)
    : m_context(QString::fromUtf8(context))
    , m_source(QString::fromUtf8(source))
    , m_n(n)
{ }

Phrase Phrase::arg(const Phrase &a) const
{
    Phrase p = *this;
    p.m_args.append(a);
    return p;
}

Phrase Phrase::arg(const Phrase &a, const Phrase &b) const
{
    return arg(a).arg(b);
}

Phrase Phrase::arg(const Phrase &a, const Phrase &b, const Phrase &c) const
{
    return arg(a).arg(b).arg(c);
}

Phrase Phrase::arg(const Phrase &a, const Phrase &b, const Phrase &c, const Phrase &d) const
{
    return arg(a).arg(b).arg(c).arg(d);
}

Phrase Phrase::arg(qint64 a) const
{
    return arg(Phrase(QString::number(a)));
}

QString Phrase::fill(QString text, bool englishForms, bool englishArgs) const
{
    if (m_n >= 0) {
        // English without a catalogue: the source's "message(s)" and "mailbox(es)" in the
        // form the count asks for, as pop3connector_en.ts has them.
        if (englishForms) {
            static const QRegularExpression marked(QStringLiteral("\\((e?s)\\)"));
            text.replace(marked, m_n == 1 ? QString() : QStringLiteral("\\1"));
        }
        text.replace(QStringLiteral("%n"), QString::number(m_n));
    }
    QStringList a;
    for (const Phrase &p : m_args)
        a.append(englishArgs ? p.english() : p.translated());
    // One pass over the markers, as QString::arg(a, b, ...) does, so that an argument holding
    // "%1" is not filled again.
    switch (a.size()) {
    case 0:
        return text;
    case 1:
        return text.arg(a[0]);
    case 2:
        return text.arg(a[0], a[1]);
    case 3:
        return text.arg(a[0], a[1], a[2]);
    case 4:
        return text.arg(a[0], a[1], a[2], a[3]);
    case 5:
        return text.arg(a[0], a[1], a[2], a[3], a[4]);
    case 6:
        return text.arg(a[0], a[1], a[2], a[3], a[4], a[5]);
    case 7:
        return text.arg(a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
    default:
        return text.arg(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]);
    }
}

QString Phrase::english() const
{
    return isLiteral() ? m_source : fill(m_source, true, true);
}

QString Phrase::translated() const
{
    if (isLiteral())
        return m_source;
    const QByteArray context = m_context.toUtf8();
    const QByteArray source = m_source.toUtf8();
    const QString translation =
        QCoreApplication::translate(context.constData(), source.constData(), nullptr, m_n);
    // No catalogue has it (English, or the C locale): the source is English. (translate()
    // has filled %n already.) Its arguments are the reader's all the same: a sentence the same
    // in every language ("%1 [%2]") may hold one that is not.
    QString untranslated = m_source;
    if (m_n >= 0)
        untranslated.replace(QStringLiteral("%n"), QString::number(m_n));
    return fill(translation, translation == m_source || translation == untranslated, false);
}

QCborMap Phrase::sourceToCbor() const
{
    QCborMap m;
    if (isLiteral())
        return m;
    m.insert(kContext, m_context);
    m.insert(kSource, m_source);
    if (m_n >= 0)
        m.insert(kCount, m_n);
    return m;
}

QCborArray Phrase::argsToCbor() const
{
    QCborArray args;
    for (const Phrase &p : m_args)
        args.append(p.toCbor());
    return args;
}

QCborValue Phrase::toCbor() const
{
    if (isLiteral())
        return m_source;
    QCborMap m = sourceToCbor();
    if (!m_args.isEmpty())
        m.insert(kArgs, argsToCbor());
    return m;
}

Phrase Phrase::fromParts(const QCborMap &source, const QCborArray &args, const QString &text)
{
    const QString context = source.value(kContext).toString();
    const QString from = source.value(kSource).toString();
    if (context.isEmpty() || from.isEmpty())
        return Phrase(text);
    Phrase p;
    p.m_context = context;
    p.m_source = from;
    p.m_n = source.contains(kCount) ? int(source.value(kCount).toInteger()) : -1;
    for (const QCborValue &a : args)
        p.m_args.append(fromCbor(a));
    return p;
}

bool operator==(const Phrase &a, const Phrase &b)
{
    return a.m_context == b.m_context && a.m_source == b.m_source && a.m_args == b.m_args
        && a.m_n == b.m_n;
}

Phrase Phrase::fromCbor(const QCborValue &value)
{
    if (value.isMap())
        return fromParts(value.toMap(), value.toMap().value(kArgs).toArray(), QString());
    if (value.isInteger())
        return Phrase(QString::number(value.toInteger()));
    return Phrase(value.toString());
}

} // namespace Pop3Connector
