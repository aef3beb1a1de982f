#pragma once

#include "config/configuration.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>
#include <type_traits>

namespace Pop3Connector {

// What a key's value is: how its text is read and checked, and how it is written back.
enum class KeyType {
    Text, // any text, trimmed
    Path, // a file or folder, relative to the configuration file's folder; empty: the default
    ReadableFile, // a Path that must name a file the connector can read
    Address, // a mailbox as MailAddress::parse() takes it, or empty
    Number, // a whole number from min to max
    Boolean, // true or false (also yes/no, on/off, 1/0)
    Choice, // one of the names in choices
    List, // items separated by commas
    Domains, // a List, kept in lower case
};

// The names a Choice key takes in the file, in the order of the enumerators they stand for.
using Choices = QStringList;

// One key of a section of the configuration file, and the member of S that holds it. Its default
// is the member's initialiser in S (configuration.h), or `fallback` where it depends on other
// keys of the section. The sentences for a bad value are the type's (configuration.cpp); a
// required key has its own for "missing".
template<typename S>
struct ConfigKey
{
    QString name;
    KeyType type = KeyType::Text;
    std::function<QVariant(const S &)> get; // enumerators and numbers as int
    std::function<void(S &, const QVariant &)> set;
    int min = 0; // Number
    int max = 0;
    const Choices *choices = nullptr; // Choice
    const char *missing = nullptr; // required: the sentence, in the context "Pop3Connector"
    std::function<QVariant(const S &)> fallback; // the default when it depends on other keys
    bool zeroIsDefault = false; // Number: 0 (what older files say for "no limit") is the default
    bool savedWhenDefault = true; // false: save() leaves the key out while it has the default

    ConfigKey required(const char *sentence) const
    {
        ConfigKey k = *this;
        k.missing = sentence;
        return k;
    }
    ConfigKey orElse(std::function<QVariant(const S &)> defaultFor) const
    {
        ConfigKey k = *this;
        k.fallback = std::move(defaultFor);
        return k;
    }
    ConfigKey zeroMeansDefault() const
    {
        ConfigKey k = *this;
        k.zeroIsDefault = true;
        return k;
    }
    ConfigKey omittedWhenDefault() const
    {
        ConfigKey k = *this;
        k.savedWhenDefault = false;
        return k;
    }
};

// A key of type `type` held in `member`.
template<typename S, typename V>
ConfigKey<S> configKey(const char16_t *name, KeyType type, V S::*member)
{
    ConfigKey<S> k;
    k.name = QString::fromUtf16(name);
    k.type = type;
    k.get = [member](const S &s) {
        if constexpr (std::is_enum_v<V> || (std::is_integral_v<V> && !std::is_same_v<V, bool>))
            return QVariant(int(s.*member));
        else
            return QVariant::fromValue(s.*member);
    };
    k.set = [member](S &s, const QVariant &v) {
        if constexpr (std::is_enum_v<V> || (std::is_integral_v<V> && !std::is_same_v<V, bool>))
            s.*member = V(v.toInt());
        else
            s.*member = v.value<V>();
    };
    return k;
}

template<typename S, typename V>
ConfigKey<S> numberKey(const char16_t *name, V S::*member, int min, int max)
{
    ConfigKey<S> k = configKey(name, KeyType::Number, member);
    k.min = min;
    k.max = max;
    return k;
}

template<typename S, typename E>
ConfigKey<S> choiceKey(const char16_t *name, E S::*member, const Choices &choices)
{
    ConfigKey<S> k = configKey(name, KeyType::Choice, member);
    k.choices = &choices;
    return k;
}

// The keys of [connector], [delivery] and [mailbox.NAME] (without rule1, rule2 ...), in the
// order docs/configuration.md lists them.
const QList<ConfigKey<ConnectorSettings>> &connectorKeys();
const QList<ConfigKey<DeliverySettings>> &deliveryKeys();
const QList<ConfigKey<MailboxSettings>> &mailboxKeys();

// A value of a key as the file holds it: a Choice by its name, a List joined by ", ".
QVariant fileValue(KeyType type, const Choices *choices, const QVariant &value);

// The key's default for `settings` (a fallback reads the other keys there).
template<typename S>
QVariant defaultValue(const ConfigKey<S> &key, const S &settings = S {})
{
    return key.fallback ? key.fallback(settings) : key.get(S {});
}

} // namespace Pop3Connector
