//! Which column holds what: recognised by name, or mapped with
//! `--column NAME=HEADER`.

use crate::error::{Error, Result};

/// What a date column means, which decides whether a future value is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateKind {
    /// A birthday: never in the future.
    Birth,
    /// When the record was made: never in the future.
    Created,
    /// Any other date (`updated_at`, `*_date`, `*_at`).
    Other,
}

/// One part of a postal address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddressPart {
    Line1,
    Line2,
    City,
    Region,
    Postal,
    Country,
}

impl AddressPart {
    /// The parts a deliverable address needs.
    pub const REQUIRED: [AddressPart; 4] = [
        AddressPart::Line1,
        AddressPart::City,
        AddressPart::Postal,
        AddressPart::Country,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AddressPart::Line1 => "address1",
            AddressPart::Line2 => "address2",
            AddressPart::City => "city",
            AddressPart::Region => "region",
            AddressPart::Postal => "postal_code",
            AddressPart::Country => "country",
        }
    }
}

/// What plumb checks in a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Email,
    Name,
    Phone,
    Date(DateKind),
    Address(AddressPart),
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Email => "email",
            Role::Name => "name",
            Role::Phone => "phone",
            Role::Date(_) => "date",
            Role::Address(part) => part.as_str(),
        }
    }
}

/// The names `--column` accepts, for its error message.
pub const ROLE_NAMES: &str = "email, name, first_name, last_name, full_name, phone, mobile, \
     birthday, created_at, date, address1, address2, city, state, zip, postal_code, country";

/// `First Name`, `first-name` and `FIRST_NAME` all become `first_name`.
pub fn normalize(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    for c in header.trim().chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    out.trim_matches('_').to_string()
}

/// The role a column name implies, if any.
pub fn recognise(header: &str) -> Option<Role> {
    let n = normalize(header);
    let role = match n.as_str() {
        "email" | "e_mail" | "email_address" | "mail" | "customer_email" => Role::Email,
        "name" | "first_name" | "firstname" | "last_name" | "lastname" | "full_name"
        | "fullname" | "given_name" | "family_name" | "surname" | "customer_name" => Role::Name,
        "phone" | "mobile" | "phone_number" | "mobile_number" | "telephone" | "tel" | "cell"
        | "cell_phone" => Role::Phone,
        "birthday" | "birth_date" | "birthdate" | "date_of_birth" | "dob" => {
            Role::Date(DateKind::Birth)
        }
        "created_at" | "created" | "created_date" | "signup_date" | "signed_up_at" => {
            Role::Date(DateKind::Created)
        }
        "date" => Role::Date(DateKind::Other),
        "address1" | "address_1" | "address" | "address_line_1" | "address_line1" | "street"
        | "street_address" => Role::Address(AddressPart::Line1),
        "address2" | "address_2" | "address_line_2" | "address_line2" => {
            Role::Address(AddressPart::Line2)
        }
        "city" | "town" => Role::Address(AddressPart::City),
        "state" | "province" | "region" | "province_code" | "state_code" => {
            Role::Address(AddressPart::Region)
        }
        "zip" | "zip_code" | "zipcode" | "postal_code" | "postcode" | "post_code" => {
            Role::Address(AddressPart::Postal)
        }
        "country" | "country_code" => Role::Address(AddressPart::Country),
        _ if n.ends_with("_date") || n.ends_with("_at") => Role::Date(DateKind::Other),
        _ => return None,
    };
    Some(role)
}

/// The columns of one export and what each holds.
#[derive(Debug, Clone)]
pub struct Columns {
    pub names: Vec<String>,
    /// Index of the record id column.
    pub id: usize,
    /// `(column index, role)` in column order.
    pub roles: Vec<(usize, Role)>,
}

impl Columns {
    /// Assigns roles: `--column` mappings first, then names; a role mapped
    /// explicitly is not also guessed from another column's name.
    pub fn assign(
        file: &str,
        header: &[String],
        mappings: &[String],
        id_column: Option<&str>,
    ) -> Result<Columns> {
        let mut explicit: Vec<(usize, Role)> = Vec::new();
        for m in mappings {
            let Some((name, column)) = m.split_once('=') else {
                return Err(Error::usage(format!(
                    "--column {m}: expected NAME=HEADER, such as email=E-Mail"
                )));
            };
            let role = recognise(name).ok_or_else(|| {
                Error::usage(format!(
                    "--column {m}: '{name}' is not a field plumb checks (one of: {ROLE_NAMES})"
                ))
            })?;
            let index = find(header, column).ok_or_else(|| {
                Error::usage(format!(
                    "--column {m}: {file} has no column named '{column}' (it has: {})",
                    header.join(", ")
                ))
            })?;
            explicit.push((index, role));
        }
        let id = match id_column {
            Some(name) => find(header, name).ok_or_else(|| {
                Error::usage(format!(
                    "--id-column {name}: {file} has no such column (it has: {})",
                    header.join(", ")
                ))
            })?,
            None => find(header, "id").unwrap_or(0),
        };
        let mut roles = Vec::new();
        for (i, h) in header.iter().enumerate() {
            if let Some(&(_, role)) = explicit.iter().find(|(c, _)| *c == i) {
                roles.push((i, role));
            } else if let Some(role) = recognise(h) {
                if !explicit.iter().any(|&(_, r)| r == role) {
                    roles.push((i, role));
                }
            }
        }
        Ok(Columns {
            names: header.to_vec(),
            id,
            roles,
        })
    }

    /// The columns holding `role`.
    pub fn with(&self, role: Role) -> impl Iterator<Item = usize> + '_ {
        self.roles
            .iter()
            .filter(move |(_, r)| *r == role)
            .map(|(i, _)| *i)
    }

    pub fn has(&self, pred: impl Fn(Role) -> bool) -> bool {
        self.roles.iter().any(|(_, r)| pred(*r))
    }
}

/// The index of the column named `name`: exact first, then ignoring case.
pub fn find(header: &[String], name: &str) -> Option<usize> {
    let name = name.trim();
    header
        .iter()
        .position(|h| h == name)
        .or_else(|| header.iter().position(|h| h.eq_ignore_ascii_case(name)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn recognises_common_names() {
        assert_eq!(recognise("E-Mail"), Some(Role::Email));
        assert_eq!(recognise("First Name"), Some(Role::Name));
        assert_eq!(recognise("Mobile"), Some(Role::Phone));
        assert_eq!(recognise("birthday"), Some(Role::Date(DateKind::Birth)));
        assert_eq!(recognise("created_at"), Some(Role::Date(DateKind::Created)));
        assert_eq!(recognise("shipped_at"), Some(Role::Date(DateKind::Other)));
        assert_eq!(recognise("Zip"), Some(Role::Address(AddressPart::Postal)));
        assert_eq!(recognise("notes"), None);
    }

    #[test]
    fn explicit_mapping_wins_and_must_name_a_column() {
        let header = h(&["Kundennr", "email", "Mail privat"]);
        let c = Columns::assign(
            "f",
            &header,
            &["email=Mail privat".into()],
            Some("Kundennr"),
        )
        .unwrap();
        assert_eq!(c.id, 0);
        assert_eq!(c.with(Role::Email).collect::<Vec<_>>(), vec![2]);
        assert!(Columns::assign("f", &header, &["email=Nope".into()], None).is_err());
        assert!(Columns::assign("f", &header, &["colour=email".into()], None).is_err());
        assert!(Columns::assign("f", &header, &["email".into()], None).is_err());
        assert!(Columns::assign("f", &header, &[], Some("nope")).is_err());
    }
}
