import { useI18n, type Lang } from '../i18n';

const langs: readonly Lang[] = ['vi', 'en'];

/** Two buttons, Tiếng Việt and English; the chosen one is pressed. The choice is kept in localStorage. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {langs.map((option) => (
        <button
          key={option}
          type="button"
          className="lang-option"
          lang={option}
          aria-pressed={lang === option}
          onClick={() => setLang(option)}
        >
          {t(option === 'vi' ? 'lang.vi' : 'lang.en')}
        </button>
      ))}
    </div>
  );
}
