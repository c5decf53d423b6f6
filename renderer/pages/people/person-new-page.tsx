import { invoke } from '../../api-client';
import { LoadedView } from '../../components/loaded-view';
import { Page } from '../../components/page';
import { flash } from '../../data/flash';
import { useI18n } from '../../i18n';
import { navigate, paths } from '../../router';
import { PersonForm } from './person-form';
import { emptyPersonForm } from './person-values';
import { usePeopleReference } from './use-people-reference';

/** Thêm đối tượng: a new person's record. */
export function PersonNewPage() {
  const { t } = useI18n();
  const reference = usePeopleReference();
  return (
    <Page title={t('people.add')}>
      <LoadedView loaded={reference}>
        {(ref) => (
          <PersonForm
            initial={emptyPersonForm}
            draftKey="person.new"
            localities={ref.localities}
            submitLabel={t('people.create')}
            labelledBy="page-title"
            suggest
            submit={(input) => invoke('persons.create', input)}
            onSuccess={(value) => {
              flash({ key: 'people.created' });
              navigate(paths.person(value.id));
            }}
            onCancel={() => navigate('/persons')}
          />
        )}
      </LoadedView>
    </Page>
  );
}
