// The clip form: what the page says, ready to check and change, then "Track this consultation".
import type { Area } from "#shared/schemas/areas";
import { commissioningStages, engagementMethods } from "#shared/consultations/machine";
import type { Draft, DraftErrors } from "@/utils/draft";
import { SelectField, TextField } from "./Field";

interface Props {
  draft: Draft;
  errors: DraftErrors;
  areas: readonly Area[];
  saving: boolean;
  onChange: (draft: Draft) => void;
  onSubmit: () => void;
}

const choices = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

export function ClipForm({ draft, errors, areas, saving, onChange, onSubmit }: Props) {
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      onChange({ ...draft, [key]: value });
  const area = areas.find((a) => a.id === draft.areaId);
  return (
    <form
      aria-labelledby="clip-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!saving) onSubmit();
      }}
    >
      <h2 id="clip-heading">Track this consultation</h2>
      <p class="hint">Check what we found on the page and change anything that is wrong.</p>
      <TextField id="title" label="Title" value={draft.title} error={errors.title} onInput={set("title")} />
      {areas.length > 1 ? (
        <SelectField
          id="areaId"
          label="Area"
          value={draft.areaId}
          error={errors.areaId}
          empty="Choose the area"
          options={areas.map((a) => ({ value: a.id, label: a.name }))}
          onChange={(v) => onChange({ ...draft, areaId: v ? Number(v) : null, organisationId: null })}
        />
      ) : null}
      <SelectField
        id="organisationId"
        label="Who runs it"
        value={draft.organisationId}
        error={errors.organisationId ?? (areas.length > 1 ? undefined : errors.areaId)}
        empty="Choose an organisation"
        options={(area?.organisations ?? []).map((o) => ({ value: o.id, label: o.name }))}
        onChange={(v) => set("organisationId")(v ? Number(v) : null)}
      />
      <div class="pair">
        <TextField
          id="opensDate"
          label="Opens on"
          type="date"
          value={draft.opensDate}
          error={errors.opensDate}
          onInput={set("opensDate")}
        />
        <TextField
          id="opensTime"
          label="Opening time (optional)"
          type="time"
          value={draft.opensTime}
          error={errors.opensTime}
          onInput={set("opensTime")}
        />
      </div>
      <div class="pair">
        <TextField
          id="closesDate"
          label="Closes on"
          type="date"
          value={draft.closesDate}
          error={errors.closesDate}
          onInput={set("closesDate")}
        />
        <TextField
          id="closesTime"
          label="Closing time (optional)"
          type="time"
          value={draft.closesTime}
          error={errors.closesTime}
          onInput={set("closesTime")}
        />
      </div>
      <SelectField
        id="stage"
        label="Commissioning stage (optional)"
        value={draft.stage}
        error={errors.stage}
        empty="Not sure"
        options={choices(commissioningStages)}
        onChange={(v) => set("stage")(v as Draft["stage"])}
      />
      <SelectField
        id="method"
        label="How people can take part (optional)"
        value={draft.method}
        error={errors.method}
        empty="Not sure"
        options={choices(engagementMethods)}
        onChange={(v) => set("method")(v as Draft["method"])}
      />
      <TextField id="summary" label="Summary" multiline value={draft.summary} error={errors.summary} onInput={set("summary")} />
      <TextField id="url" label="Web address" type="url" value={draft.url} error={errors.url} onInput={set("url")} />
      <button type="submit" disabled={saving} aria-disabled={saving}>
        {saving ? "Saving…" : "Track this consultation"}
      </button>
    </form>
  );
}
