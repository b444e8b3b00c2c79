//! `schliff.toml` / `.schliff.toml`: found by walking up from each checked
//! file, or given with `--config`. Unknown keys are errors that name the key
//! and the file, since a misspelt key silently ignored is worse than none.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;

use crate::diagnostic::Severity;
use crate::locale::LocaleSetting;

pub const CONFIG_NAMES: &[&str] = &["schliff.toml", ".schliff.toml"];

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    pub locale: Option<LocaleSetting>,
    pub select: Option<Vec<String>>,
    pub ignore: Option<Vec<String>>,
    pub extend_select: Option<Vec<String>>,
    /// File name globs to check when walking folders.
    pub include: Option<Vec<String>>,
    pub exclude: Option<Vec<String>>,
    /// Rule id or category → severity.
    pub severity: Option<BTreeMap<String, Severity>>,
    /// Findings below this level do not make the exit code 1.
    pub fail_level: Option<Severity>,
    /// Words every rule accepts as correct German (names, house terms).
    pub words: Option<Vec<String>>,
    #[serde(default)]
    pub overrides: Vec<Override>,
    #[serde(default)]
    pub stray_token: StrayTokenConfig,
    #[serde(default)]
    pub boilerplate: BoilerplateConfig,
    #[serde(default)]
    pub transliteration: TransliterationConfig,
    #[serde(default)]
    pub spelling: SpellingConfig,
}

/// Settings for files matching `files` (globs relative to the config file).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Override {
    pub files: Vec<String>,
    pub locale: Option<LocaleSetting>,
    pub select: Option<Vec<String>>,
    pub ignore: Option<Vec<String>>,
    pub extend_select: Option<Vec<String>>,
    pub severity: Option<BTreeMap<String, Severity>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct StrayTokenConfig {
    /// CamelCase tokens that are names, not glued sentences.
    #[serde(default)]
    pub allow: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct BoilerplateConfig {
    /// Extra whole-line regular expressions (case-insensitive).
    #[serde(default)]
    pub patterns: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TransliterationConfig {
    /// `dpa` (default) or `hyphenated` for Korean names (`Kim Jong-un`).
    pub style: Option<String>,
    /// `file` or `corpus` (all files of one run).
    pub scope: Option<String>,
    #[serde(default)]
    pub names: Vec<NameEntry>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct NameEntry {
    pub canonical: String,
    #[serde(default)]
    pub variants: Vec<String>,
    pub kind: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SpellingConfig {
    /// Folder with `de_DE.aff`/`.dic` etc. replacing the embedded dictionaries.
    pub dictionary_dir: Option<PathBuf>,
    /// Word list files (one word per line), relative to the config file.
    #[serde(default)]
    pub word_files: Vec<PathBuf>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    pub message: String,
}

impl fmt::Display for ConfigError {
    /// One line, whatever the message quotes from the file: a line break
    /// inside a quoted glob or pattern is shown as `\n`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.path.display())?;
        for c in self.message.chars() {
            if c.is_control() {
                write!(f, "{}", c.escape_default())?;
            } else {
                write!(f, "{c}")?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for ConfigError {}

impl ConfigFile {
    pub fn parse(text: &str, path: &Path) -> Result<ConfigFile, ConfigError> {
        toml::from_str(text).map_err(|e| ConfigError {
            path: path.to_path_buf(),
            message: format!("invalid configuration: {}", e.message().trim()).replace('\n', " ")
                + &e.span()
                    .map(|s| format!(" (at byte {})", s.start))
                    .unwrap_or_default(),
        })
    }

    pub fn load(path: &Path) -> Result<ConfigFile, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: path.to_path_buf(),
            message: format!("cannot read configuration: {e}"),
        })?;
        ConfigFile::parse(&text, path)
    }
}

/// The nearest configuration file in `dir` or a folder above it.
pub fn find_config(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .find_map(|d| CONFIG_NAMES.iter().map(|n| d.join(n)).find(|p| p.is_file()))
}

/// Which rules run, as `--select`, `--ignore`, `--extend-select` say. A
/// selector is a rule id (`quotes/unbalanced`), a category (`quotes`) or `ALL`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    pub select: Option<Vec<String>>,
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
}

pub fn selector_matches(selector: &str, rule_id: &str) -> bool {
    let selector = selector.trim().trim_end_matches('/');
    selector.eq_ignore_ascii_case("all")
        || rule_id == selector
        || rule_id
            .strip_prefix(selector)
            .is_some_and(|rest| rest.starts_with('/'))
}

impl Selection {
    /// Later layers (override, command line) refine earlier ones.
    pub fn layer(
        &mut self,
        select: &Option<Vec<String>>,
        extend: &Option<Vec<String>>,
        ignore: &Option<Vec<String>>,
    ) {
        if let Some(select) = select {
            self.select = Some(select.clone());
            self.extend_select.clear();
            self.ignore.clear();
        }
        if let Some(extend) = extend {
            self.extend_select.extend(extend.iter().cloned());
        }
        if let Some(ignore) = ignore {
            self.ignore.extend(ignore.iter().cloned());
        }
    }

    pub fn enables(&self, rule_id: &str) -> bool {
        let selected = match &self.select {
            None => true,
            Some(list) => list.iter().any(|s| selector_matches(s, rule_id)),
        } || self
            .extend_select
            .iter()
            .any(|s| selector_matches(s, rule_id));
        selected && !self.ignore.iter().any(|s| selector_matches(s, rule_id))
    }
}

/// Everything the command line and configuration decided, for one
/// configuration file (or none).
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub root: PathBuf,
    pub config_path: Option<PathBuf>,
    pub file: ConfigFile,
    pub locale: LocaleSetting,
    pub selection: Selection,
    pub severity: BTreeMap<String, Severity>,
    pub cli: CliOverrides,
    overrides: Vec<(GlobSet, Override)>,
}

/// What the command line says, applied on top of any configuration file.
#[derive(Debug, Clone, Default)]
pub struct CliOverrides {
    pub locale: Option<LocaleSetting>,
    pub select: Option<Vec<String>>,
    pub extend_select: Option<Vec<String>>,
    pub ignore: Option<Vec<String>>,
    pub words: Vec<String>,
    pub corpus: Option<bool>,
}

/// Settings that apply to one file after per-glob overrides.
#[derive(Debug, Clone)]
pub struct FileSettings {
    pub locale: LocaleSetting,
    pub selection: Selection,
    pub severity: BTreeMap<String, Severity>,
}

impl FileSettings {
    pub fn severity_for(&self, rule_id: &str, default: Severity) -> Severity {
        // The most specific key wins: the rule id over its category.
        self.severity
            .get(rule_id)
            .or_else(|| {
                self.severity
                    .get(rule_id.split('/').next().unwrap_or(rule_id))
            })
            .copied()
            .unwrap_or(default)
    }
}

impl Settings {
    pub fn new(
        config_path: Option<PathBuf>,
        file: ConfigFile,
        cli: &CliOverrides,
    ) -> Result<Settings, ConfigError> {
        let root = config_path
            .as_ref()
            .and_then(|p| p.parent().map(Path::to_path_buf))
            .unwrap_or_else(|| PathBuf::from("."));
        let mut selection = Selection::default();
        selection.layer(&file.select, &file.extend_select, &file.ignore);
        selection.layer(&cli.select, &cli.extend_select, &cli.ignore);
        let locale = cli.locale.or(file.locale).unwrap_or_default();
        let mut overrides = Vec::new();
        for o in &file.overrides {
            let mut builder = GlobSetBuilder::new();
            for pattern in &o.files {
                let glob = Glob::new(pattern).map_err(|e| ConfigError {
                    path: config_path.clone().unwrap_or_default(),
                    message: format!("invalid glob `{pattern}` in [[overrides]]: {e}"),
                })?;
                builder.add(glob);
            }
            let set = builder.build().map_err(|e| ConfigError {
                path: config_path.clone().unwrap_or_default(),
                message: format!("invalid globs in [[overrides]]: {e}"),
            })?;
            overrides.push((set, o.clone()));
        }
        let mut file = file;
        file.words
            .get_or_insert_with(Vec::new)
            .extend(cli.words.iter().cloned());
        let severity = file.severity.clone().unwrap_or_default();
        Ok(Settings {
            cli: cli.clone(),
            root,
            config_path,
            locale,
            selection,
            severity,
            overrides,
            file,
        })
    }

    /// Settings for one file: the per-glob overrides that match it, in order.
    /// The command line's locale and selection still win over them.
    pub fn for_file(&self, path: &Path) -> FileSettings {
        let cli = &self.cli;
        let mut fs = FileSettings {
            locale: self.locale,
            selection: self.selection.clone(),
            severity: self.severity.clone(),
        };
        if self.overrides.is_empty() {
            return fs;
        }
        let relative = path.strip_prefix(&self.root).unwrap_or(path);
        let relative = relative.strip_prefix("./").unwrap_or(relative);
        for (set, o) in &self.overrides {
            if set.is_match(relative) || set.is_match(path) {
                if let Some(l) = o.locale {
                    fs.locale = cli.locale.unwrap_or(l);
                }
                fs.selection.layer(&o.select, &o.extend_select, &o.ignore);
                if let Some(sev) = &o.severity {
                    fs.severity.extend(sev.iter().map(|(k, v)| (k.clone(), *v)));
                }
            }
        }
        if cli.select.is_some() || cli.ignore.is_some() || cli.extend_select.is_some() {
            fs.selection
                .layer(&cli.select, &cli.extend_select, &cli.ignore);
        }
        fs
    }

    pub fn extra_words(&self) -> &[String] {
        self.file.words.as_deref().unwrap_or(&[])
    }

    /// A path in the configuration, relative to the configuration's folder.
    pub fn resolve(&self, path: &Path) -> PathBuf {
        if path.is_absolute() {
            path.to_path_buf()
        } else {
            self.root.join(path)
        }
    }
}

#[cfg(test)]
impl Settings {
    /// Settings from configuration text as if read from `path`, for tests.
    pub(crate) fn from_toml(toml: &str, path: &str) -> Settings {
        let file = ConfigFile::parse(toml, Path::new(path)).expect("test configuration parses");
        Settings::new(Some(path.into()), file, &CliOverrides::default())
            .expect("test configuration is valid")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_quoting_a_line_break_stay_on_one_line() {
        // Found by the `config` fuzz target: a glob with a line break.
        let path = Path::new("schliff.toml");
        let file = ConfigFile::parse("[[overrides]]\nfiles = [\"a\\n}\"]\n", path).unwrap();
        let err = Settings::new(Some(path.into()), file, &CliOverrides::default()).unwrap_err();
        let message = err.to_string();
        assert!(!message.contains('\n'), "{message}");
        assert!(
            message.starts_with("schliff.toml: invalid glob `a\\n}`"),
            "{message}"
        );
    }

    #[test]
    fn unknown_keys_name_the_key_and_file() {
        let err = ConfigFile::parse(
            "locale = \"de-DE\"\nselct = [\"quotes\"]\n",
            Path::new("x/schliff.toml"),
        )
        .unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("x/schliff.toml:"), "{msg}");
        assert!(msg.contains("selct"), "{msg}");
    }

    #[test]
    fn wrong_types_are_errors() {
        let err = ConfigFile::parse("select = \"quotes\"\n", Path::new("c.toml")).unwrap_err();
        assert!(err.to_string().contains("c.toml"));
        assert!(ConfigFile::parse("locale = \"en-US\"\n", Path::new("c.toml")).is_err());
    }

    #[test]
    fn selectors_match_ids_and_categories() {
        assert!(selector_matches("quotes", "quotes/unbalanced"));
        assert!(selector_matches("quotes/unbalanced", "quotes/unbalanced"));
        assert!(!selector_matches("quote", "quotes/unbalanced"));
        assert!(selector_matches("ALL", "spelling/unknown-word"));
    }

    #[test]
    fn selection_layers() {
        let mut s = Selection::default();
        s.layer(&Some(vec!["quotes".into()]), &None, &None);
        s.layer(
            &None,
            &Some(vec!["whitespace/trailing".into()]),
            &Some(vec!["quotes/straight".into()]),
        );
        assert!(s.enables("quotes/unbalanced"));
        assert!(!s.enables("quotes/straight"));
        assert!(s.enables("whitespace/trailing"));
        assert!(!s.enables("whitespace/double-space"));
    }

    #[test]
    fn overrides_apply_by_glob() {
        let settings = Settings::from_toml(
            "[[overrides]]\nfiles = [\"ch/**\"]\nlocale = \"de-CH\"\nignore = [\"spelling\"]\n",
            "/p/schliff.toml",
        );
        let fs = settings.for_file(Path::new("/p/ch/a.txt"));
        assert_eq!(fs.locale, "de-CH".parse().unwrap());
        assert!(!fs.selection.enables("spelling/unknown-word"));
        let other = settings.for_file(Path::new("/p/de/a.txt"));
        assert!(other.selection.enables("spelling/unknown-word"));
    }

    #[test]
    fn severity_prefers_the_rule_over_its_category() {
        let fs = FileSettings {
            locale: LocaleSetting::Auto,
            selection: Selection::default(),
            severity: [
                ("quotes".to_string(), Severity::Info),
                ("quotes/straight".to_string(), Severity::Error),
            ]
            .into(),
        };
        assert_eq!(
            fs.severity_for("quotes/straight", Severity::Warning),
            Severity::Error
        );
        assert_eq!(
            fs.severity_for("quotes/unbalanced", Severity::Warning),
            Severity::Info
        );
        assert_eq!(
            fs.severity_for("spelling/x", Severity::Warning),
            Severity::Warning
        );
    }
}
