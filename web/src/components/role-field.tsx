import { FormField } from "./form-field.js";

/** The membership role chooser shared by the invite and add-member forms. */
export function RoleField({
  value,
  error,
  onChange,
}: {
  value: string;
  error?: string;
  onChange: (role: string) => void;
}) {
  return (
    <FormField label="Role" error={error}>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="MEMBER">Member</option>
        <option value="ADMIN">Admin</option>
      </select>
    </FormField>
  );
}
