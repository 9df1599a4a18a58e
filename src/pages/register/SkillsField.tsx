import { REGISTRATION_LIMITS } from '../../../types';
import { parseSkills } from '../../utils/skills';
import { Tag } from '../../components/Tag';
import { TextField } from '../../components/TextField';

interface Props {
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
}

/** Skills typed as one line (separated by 、 or commas), previewed as chips. */
export function SkillsField({ value, onChange, error }: Props) {
  const skills = parseSkills(value);
  return (
    <TextField
      id="skills"
      label={`技能（选填，最多${REGISTRATION_LIMITS.skillsMax}项）`}
      value={value}
      onChange={onChange}
      placeholder="例如：电工、法律咨询、理发"
      hint="多项技能之间用顿号或逗号分开"
      error={error}
    >
      {skills.length > 0 ? (
        <div className="rb-tags">
          {skills.map((skill) => (
            <Tag key={skill} text={skill} tone="grey" />
          ))}
        </div>
      ) : null}
    </TextField>
  );
}
