import './Alert.scss';

interface Props {
  message: string | null | undefined;
}

/** An error the user must see: read out by screen readers as soon as it appears. */
export function Alert({ message }: Props) {
  if (!message) return null;
  return (
    <p className="rb-alert" role="alert">
      {message}
    </p>
  );
}
